using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitaleHilfe.Web.Infrastructure.Health;

public static class HealthSetup
{
    public const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<ShutdownDrain>();
        // The drain comes on top of the 30 s in which jobs and the daemon's shards finish when a node stops.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30) + ShutdownDrain.Delay(configuration, environment));
        services.AddHealthChecks()
            .AddCheck<ShutdownDrain>("node", tags: [Ready])
            .AddCheck<PostgresHealthCheck>("postgres", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SmtpHealthCheck>("smtp", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Live: the process serves requests (no dependency is asked, so a database outage does not
        // make an orchestrator restart healthy nodes). Ready: the dependencies answer, and how the background
        // work stands (daemon, job servers; Features/Monitoring, Degraded at worst).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymous();
        ShutdownDrain.OnStopping(app);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJson }).AllowAnonymous();
        return app;
    }

    // German descriptions as they are ("fährt herunter", not "f\u00e4hrt"): the body is JSON, never HTML.
    private static readonly JsonSerializerOptions Readable = new(JsonSerializerOptions.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds),
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Readable));
    }
}
