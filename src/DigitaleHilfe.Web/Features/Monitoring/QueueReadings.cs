using DigitaleHilfe.Web.Infrastructure.Persistence;
using Hangfire;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Monitoring;

// The state of the queue as the gauges on /metrics report it, read from the database at most every few seconds
// however often and by how many gauges it is scraped. OpenTelemetry calls gauges synchronously, hence the
// synchronous reads: a few index lookups.
public sealed class QueueReadings(NpgsqlDataSource database, JobStorage jobs, TimeProvider clock, ILogger<QueueReadings> logger)
{
    public sealed record Reading(TimeSpan OldestUnclaimedAge, long DaemonLag, long EnqueuedJobs, int JobServersAlive, DateTimeOffset At);

    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    // Hangfire's servers beat every 30 s by default; two missed beats mean the server is gone.
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(75);
    private readonly Lock _gate = new();
    private Reading? _last;

    public Reading Read()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last.At < Freshness && now >= last.At) return last;
            try
            {
                _last = ReadNow(now);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // A scrape while the database is away shows the last reading (or zeros), not an error page.
                logger.LogWarning(e, "Reading the queue's state for the metrics failed.");
                _last ??= new Reading(TimeSpan.Zero, 0, 0, 0, now);
            }
            return _last;
        }
    }

    // Forget the last reading (tests, after they changed the queue).
    public void Refresh()
    {
        lock (_gate) _last = null;
    }

    // How many events the slowest projection is behind the high-water mark. Marten keeps its own bookkeeping in the
    // same table (HighWaterMark, HighWaterAllocationFence, HighWaterStuckGap, ...); only the projections' rows count.
    // The stuck-gap row stays where a skipped gap began, so counting it (as this once did) showed a lag that grew with
    // every event after a node had been killed in a transaction, and the health check stayed "degraded" for good.
    public static string DaemonLagSql(string schema) =>
        "select coalesce(max(last_seq_id) filter (where name = 'HighWaterMark'), 0) " +
        $"- coalesce(min(last_seq_id) filter (where name not like 'HighWater%'), 0) from {schema}.mt_event_progression";

    private Reading ReadNow(DateTimeOffset now)
    {
        using var connection = database.OpenConnection();
        using var command = new NpgsqlCommand(
            $"select (select min(logged_at) from {PersistenceSetup.SchemaName}.mt_doc_helprequest where status = 'Open'), " +
            $"({DaemonLagSql(PersistenceSetup.SchemaName)})", connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        var oldest = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
        var lag = reader.IsDBNull(1) ? 0 : Math.Max(0, reader.GetInt64(1));
        var monitoring = jobs.GetMonitoringApi();
        var enqueued = monitoring.EnqueuedCount("default"); // the app uses Hangfire's one default queue
        // Hangfire stamps heartbeats with the machine's clock, not the app's TimeProvider.
        var alive = monitoring.Servers().Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < HeartbeatTimeout);
        return new Reading(oldest is { } o && o < now ? now - o : TimeSpan.Zero, lag, enqueued, alive, now);
    }
}
