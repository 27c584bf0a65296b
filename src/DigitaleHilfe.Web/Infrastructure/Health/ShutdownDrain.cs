using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitaleHilfe.Web.Infrastructure.Health;

// A node told to stop (SIGTERM) first reports "not ready" and keeps serving for App:ShutdownDrain (5 s in
// production), so that the reverse proxy's health check takes it out of the rotation before Kestrel stops taking
// connections; a rolling restart then loses no request (scripts/cluster.sh counts them). After that, running jobs
// and the daemon's shards finish within HostOptions' shutdown timeout.
public sealed class ShutdownDrain : IHealthCheck
{
    private volatile bool _draining;

    public bool Draining => _draining;

    public void Begin() => _draining = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining
            ? HealthCheckResult.Unhealthy("Dieser Knoten fährt herunter und nimmt keine neuen Anfragen mehr an.")
            : HealthCheckResult.Healthy("Dieser Knoten nimmt Anfragen an."));

    // At most a minute: a proxy checks readiness every few seconds, and a stop must not look like a hang.
    public static TimeSpan Delay(IConfiguration configuration, IHostEnvironment environment)
    {
        var drain = configuration.GetValue("App:ShutdownDrain", environment.IsProduction() ? TimeSpan.FromSeconds(5) : TimeSpan.Zero);
        return drain < TimeSpan.Zero ? TimeSpan.Zero : drain > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : drain;
    }

    public static void OnStopping(WebApplication app)
    {
        var drain = Delay(app.Configuration, app.Environment);
        var health = app.Services.GetRequiredService<ShutdownDrain>();
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            health.Begin();
            // Blocking on purpose: the host stops its services (Kestrel among them) only after this returns.
            if (drain > TimeSpan.Zero) Thread.Sleep(drain);
        });
    }
}
