using System.Net;
using DigitaleHilfe.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;

namespace DigitaleHilfe.Web.Infrastructure.Metrics;

// Metrics in Prometheus' text format at /metrics: ASP.NET Core's own HTTP and Kestrel meters and every meter
// named DigitaleHilfe.* (the service's figures, SMTP latency). Open to the scrapers listed under
// Metrics:ScraperAddresses and to admins (signed in, or with an admin's API key as a Bearer token).
public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section))
            .Validate(o => o.ScraperAddresses.All(a => IPAddress.TryParse(a, out _)), "Metrics:ScraperAddresses must be IP addresses.")
            .ValidateOnStart();
        services.AddSingleton<IAuthorizationHandler, ScraperAccess>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "DigitaleHilfe.*")
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policies.Metrics);
        return app;
    }
}

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    // The Prometheus servers that may scrape without signing in, as the app sees them (behind a reverse proxy,
    // after ReverseProxy:KnownProxies has named the client).
    public List<string> ScraperAddresses { get; init; } = [];
}
