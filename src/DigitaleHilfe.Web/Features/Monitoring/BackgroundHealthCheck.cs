using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigitaleHilfe.Web.Features.Monitoring;

// Part of /health/ready: the async daemon (does this node lead it, how far behind are the projections) and the
// job servers' heartbeats. Reported, never failing the node: a lagging daemon or a missing job server is no reason
// for a load balancer to stop sending page requests here, so the worst is Degraded (still 200) for the alerts.
public sealed class BackgroundHealthCheck(QueueReadings queue, IConfiguration configuration, IServiceProvider services) : IHealthCheck
{
    public const int LagWarning = 1000;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reading = queue.Read();
        var mode = configuration.GetValue("Marten:Daemon", DaemonMode.HotCold);
        var daemon = mode == DaemonMode.Disabled ? null : services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();
        var here = daemon switch
        {
            null => "läuft auf diesem Knoten nicht",
            { IsRunning: true } => $"läuft auf diesem Knoten ({daemon.CurrentAgents().Count} Projektionen)",
            _ => "wartet auf diesem Knoten (ein anderer Knoten führt)",
        };
        var description = $"Hintergrunddienst {here}; Rückstand {reading.DaemonLag} Ereignisse. " +
                          $"Jobserver mit Lebenszeichen: {reading.JobServersAlive}; wartende Jobs: {reading.EnqueuedJobs}.";
        var data = new Dictionary<string, object>
        {
            ["daemonMode"] = mode.ToString(), ["daemonRunningHere"] = daemon?.IsRunning ?? false, ["daemonLagEvents"] = reading.DaemonLag,
            ["jobServersAlive"] = reading.JobServersAlive, ["enqueuedJobs"] = reading.EnqueuedJobs,
        };
        return Task.FromResult(reading.DaemonLag > LagWarning || reading.JobServersAlive == 0
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data));
    }
}
