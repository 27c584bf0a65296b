namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

public enum TownResolutionMode { Host, Path }

public sealed class TenancyOptions
{
    public const string Section = "Towns";

    // Host: kaiserslautern.digitale-hilfe.example → the town listing that host. Path: /kl/… → town "kl" (the prefix
    // becomes the request's path base, so every link the app writes keeps it).
    public TownResolutionMode Resolution { get; set; } = TownResolutionMode.Host;
}

// Finds the town of a web request and sets it for everything the request does. By host: the town that lists the
// host; else the one town that lists no host at all (the first town after the upgrade keeps the address it always
// had, with no setting changed). By path: the town whose id is the first segment; else, with one town, that town.
// Anything else gets a 404. Health checks, metrics and the job dashboard belong to the installation, not to a town.
public sealed class TownResolution(RequestDelegate next, ITownDirectory towns, Microsoft.Extensions.Options.IOptions<TenancyOptions> options)
{
    private static readonly string[] InstallationPaths = ["/health", "/metrics", "/hangfire", "/error"];

    public async Task InvokeAsync(HttpContext context)
    {
        var town = options.Value.Resolution == TownResolutionMode.Path
            ? FromPath(context) ?? towns.OnlyTown
            : FromHost(context.Request.Host.Host) ?? (towns.Towns.Where(t => t.Hosts.Count == 0).ToList() is [var unnamed] ? unnamed.Id : null);
        if (town is null)
        {
            if (InstallationPaths.Any(p => context.Request.Path.StartsWithSegments(p))) { await next(context); return; }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Diese Adresse gehört zu keinem Ort der Digitalen Hilfe. Bitte prüfen Sie die Adresse.");
            return;
        }
        using (TownContext.Enter(town)) await next(context);
    }

    private string? FromHost(string host) =>
        towns.Towns.FirstOrDefault(t => t.Hosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase)))?.Id;

    private string? FromPath(HttpContext context)
    {
        foreach (var town in towns.Towns)
            if (context.Request.Path.StartsWithSegments("/" + town.Id, StringComparison.OrdinalIgnoreCase, out var rest))
            {
                context.Request.PathBase = context.Request.PathBase.Add("/" + town.Id);
                context.Request.Path = rest;
                return town.Id;
            }
        return null;
    }
}
