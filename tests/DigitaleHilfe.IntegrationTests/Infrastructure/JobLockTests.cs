using DigitaleHilfe.IntegrationTests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

// Hangfire's own locks are rows a killed node leaves behind (the two-node check: every stop took 15 s more, and no
// scheduled job ran, until Hangfire.PostgreSql's ten minutes were up).
public sealed class JobLockTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_schedule_lock_row_a_killed_node_left_behind_holds_scheduled_jobs_back_a_minute_not_ten()
    {
        await using var db = new NpgsqlConnection(AppFixture.ConnectionString);
        await db.OpenAsync();
        await using (var left = new NpgsqlCommand(
            "insert into hangfire.lock (resource, updatecount, acquired) values ('hangfire:locks:schedulepoller', 0, now() - interval '90 seconds') " +
            "on conflict (resource) do update set acquired = excluded.acquired", db))
            await left.ExecuteNonQueryAsync();
        try
        {
            var job = App.Services.GetRequiredService<IBackgroundJobClient>().Schedule(() => Console.WriteLine("geplant"), TimeSpan.FromSeconds(1));
            var until = DateTime.UtcNow.AddSeconds(30);
            string? state = null;
            while (DateTime.UtcNow < until && state != "Succeeded")
            {
                await Task.Delay(250);
                await using var read = new NpgsqlCommand("select statename from hangfire.job where id = $1", db) { Parameters = { new() { Value = long.Parse(job) } } };
                state = (string?)await read.ExecuteScalarAsync();
            }
            state.ShouldBe("Succeeded");
        }
        finally
        {
            await using var clean = new NpgsqlCommand("delete from hangfire.lock where resource = 'hangfire:locks:schedulepoller' and acquired < now() - interval '60 seconds'", db);
            await clean.ExecuteNonQueryAsync();
        }
    }
}
