using System.Diagnostics.Metrics;

namespace DigitaleHilfe.Web.Features.Monitoring;

// The service's own figures on /metrics (docs/operations.md, Metrics). Counters count on the node where a thing
// happened, so Prometheus adds the nodes up; the gauges read the shared database, so every node reports the same
// value and alerts take the max. Names follow OpenTelemetry; the exporter turns "digitalehilfe.requests.logged"
// into digitalehilfe_requests_logged_total and a unit "s" into a _seconds suffix.
public sealed class ServiceMetrics
{
    public const string MeterName = "DigitaleHilfe.Service";

    private readonly Counter<long> _logged, _claimed, _resolved, _planned, _sent, _retried, _undeliverable;

    public ServiceMetrics(IMeterFactory meters, QueueReadings queue, Infrastructure.Background.PeopleFirst people)
    {
        var meter = meters.Create(MeterName);
        _logged = meter.CreateCounter<long>("digitalehilfe.requests.logged", description: "Help requests logged (hotline form and API)");
        _claimed = meter.CreateCounter<long>("digitalehilfe.requests.claimed", description: "Help requests claimed by or assigned to a volunteer");
        _resolved = meter.CreateCounter<long>("digitalehilfe.requests.resolved", description: "Help requests resolved");
        _planned = meter.CreateCounter<long>("digitalehilfe.reminders.planned", description: "Reminders newly planned");
        _sent = meter.CreateCounter<long>("digitalehilfe.reminders.sent", description: "Reminder emails delivered to the mail server");
        _retried = meter.CreateCounter<long>("digitalehilfe.reminders.retried", description: "Reminder emails that wait for another try");
        _undeliverable = meter.CreateCounter<long>("digitalehilfe.reminders.undeliverable", description: "Reminder emails given up on (listed for coordinators)");
        meter.CreateObservableGauge("digitalehilfe.oldest_unclaimed_request.age", () => queue.Read().OldestUnclaimedAge.TotalSeconds, unit: "s",
            description: "Age of the oldest open request nobody has claimed yet (0 when there is none)");
        meter.CreateObservableGauge("digitalehilfe.daemon.lag_events", () => queue.Read().DaemonLag,
            description: "Events stored but not yet processed by the slowest projection or subscription");
        meter.CreateObservableGauge("digitalehilfe.hangfire.enqueued_jobs", () => queue.Read().EnqueuedJobs,
            description: "Background jobs waiting in Hangfire's queues");
        meter.CreateObservableGauge("digitalehilfe.hangfire.servers_alive", () => queue.Read().JobServersAlive,
            description: "Hangfire servers (nodes that run jobs) with a heartbeat in the last 75 seconds");
        meter.CreateObservableCounter("digitalehilfe.background.gave_way", () => people.Waited.TotalSeconds, unit: "s",
            description: "Time background work on this node waited for requests in progress (Background:GiveWayUpTo)");
    }

    public void Logged() => _logged.Add(1);
    public void Claimed() => _claimed.Add(1);
    public void Resolved() => _resolved.Add(1);
    public void Planned(int count) { if (count > 0) _planned.Add(count); }
    public void Sent(int count) { if (count > 0) _sent.Add(count); }
    public void Retried(int count) { if (count > 0) _retried.Add(count); }
    public void Undeliverable(int count) { if (count > 0) _undeliverable.Add(count); }
}
