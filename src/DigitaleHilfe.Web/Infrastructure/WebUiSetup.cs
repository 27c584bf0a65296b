using DigitaleHilfe.Web.Infrastructure.Background;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace DigitaleHilfe.Web.Infrastructure;

public static class WebUiSetup
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddJsonOptions(options =>
                options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Views live beside their use case: Features/{Feature}/{View}.cshtml.
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationExpanders.Add(new FeatureViewLocations());
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });

        // German text stays readable in the HTML source ("ü", not "&#xFC;"); markup is still escaped.
        services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorController.Path,
            // A body that is too large or malformed is the client's fault: keep Kestrel's 4xx.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute(ErrorController.Path + "/{0}");
        app.UseSecurityHeaders();
        app.UseRequestLimits();

        var german = new CultureInfo("de-DE");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(german),
            SupportedCultures = [german],
            SupportedUICultures = [german],
        });

        app.UseStaticFiles();
        app.UsePeopleFirst();
        app.UseTownResolution();
        // With towns told apart by path, pages link their files under the town's prefix (/kus/css/site.css): served
        // once the prefix is taken off. With host names, the first call already served them.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Tenancy.TenancyOptions>>().Value.Resolution == Tenancy.TownResolutionMode.Path)
            app.UseStaticFiles();
        app.UseRouting();
        return app;
    }
}
