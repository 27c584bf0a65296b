using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Monitoring;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

// The lag the health check, /metrics and the cluster check report, read from a copy of Marten's progress table in
// the session's own temporary schema: the daemon's real rows belong to the other tests.
public sealed class DaemonLagTests
{
    [Fact]
    public async Task The_lag_is_the_distance_of_the_slowest_projection_to_the_high_water_mark()
    {
        (await LagAsync(("HighWaterMark", 1400), ("RequestFacts:All", 1400), ("ReminderPlanner:All", 1350))).ShouldBe(50);
    }

    [Fact]
    public async Task Martens_own_bookkeeping_rows_do_not_count_as_a_projection_behind()
    {
        // After a node was killed in a transaction, Marten skipped the gap and kept its start in HighWaterStuckGap for
        // good: the health check reported 1,212 events behind with every projection caught up (the cluster check in CI).
        (await LagAsync(("HighWaterMark", 1467), ("HighWaterAllocationFence", 1467), ("HighWaterStuckGap", 255), ("HighWaterDetectionSkip", 300),
            ("VolunteerActivity:All", 1467), ("RequestFacts:All", 1467), ("ReminderPlanner:All", 1467))).ShouldBe(0);
    }

    private static async Task<long> LagAsync(params (string Name, long Sequence)[] rows)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("create temporary table mt_event_progression (name varchar primary key, last_seq_id bigint)", connection))
            await create.ExecuteNonQueryAsync();
        foreach (var (name, sequence) in rows)
        {
            await using var insert = new NpgsqlCommand("insert into mt_event_progression values ($1, $2)", connection);
            insert.Parameters.Add(new() { Value = name });
            insert.Parameters.Add(new() { Value = sequence });
            await insert.ExecuteNonQueryAsync();
        }
        await using var lag = new NpgsqlCommand(QueueReadings.DaemonLagSql("pg_temp"), connection);
        return Convert.ToInt64(await lag.ExecuteScalarAsync());
    }
}
