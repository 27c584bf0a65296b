using DigitaleHilfe.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.PublicPages;

// The pages a city's service must have, open to everyone and linked from every page's footer. Each has a
// built-in text filled from Service settings; a file in Service:PagesPath replaces it (PageFiles).
[AllowAnonymous]
public sealed class PublicPagesController(PageFiles files) : Controller
{
    [HttpGet("/Datenschutz")]
    public IActionResult Privacy() => Page("datenschutz", "Datenschutz", "Privacy");

    [HttpGet("/Impressum")]
    public IActionResult Imprint() => Page("impressum", "Impressum", "Imprint");

    [HttpGet("/Barrierefreiheit")]
    public IActionResult Accessibility() => Page("barrierefreiheit", "Erklärung zur Barrierefreiheit", "Accessibility");

    [HttpGet("/LeichteSprache")]
    public IActionResult EasyLanguage() => Page("leichte-sprache", "Digitale Hilfe in Leichter Sprache", "EasyLanguage");

    private IActionResult Page(string file, string title, string view)
    {
        ViewData["Title"] = title;
        return files.Read(file) is { } html ? View("CityPage", html) : View(view);
    }
}

// A city's own page texts: trusted HTML files written by the city's administrators (like the
// configuration), read on each request so an edit shows without a restart.
public sealed class PageFiles(IOptions<ServiceInfo> service, IWebHostEnvironment environment)
{
    public string? Read(string name)
    {
        if (string.IsNullOrWhiteSpace(service.Value.PagesPath)) return null;
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, service.Value.PagesPath));
        var path = Path.Combine(folder, name + ".html");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}

public static class PublicPagesSetup
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddOptions<ServiceInfo>().BindConfiguration(ServiceInfo.Section);
        services.AddSingleton<PageFiles>();
        return services;
    }
}
