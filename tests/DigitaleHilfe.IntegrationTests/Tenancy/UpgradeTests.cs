using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Towns;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// before-towns.sql is a database as the last release before the towns left it (pg_dump --inserts of the demo data of
// commit 67d11bc, its reminders planned and not yet sent). The new release starts on it with no step by hand.
public sealed class UpgradeTests(AppFixture app) : IntegrationTest(app)
{
    private const string Database = "digitalehilfe_upgrade";
    private readonly TestSmtpServer _mail = new();

    public override async Task DisposeAsync() => await _mail.DisposeAsync();

    [Fact]
    public async Task A_single_town_database_from_before_the_towns_becomes_the_first_town_with_every_request_and_pending_reminder()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Tenancy", "before-towns.sql"));
        await OwnDatabase.EmptyAsync(Database);
        await using (var db = new NpgsqlConnection(OwnDatabase.ConnectionTo(Database)))
        {
            await db.OpenAsync();
            await new NpgsqlCommand(script, db).ExecuteNonQueryAsync();
        }
        var requests = await ScalarAsync<long>("select count(*) from digitalehilfe.mt_doc_helprequest");
        var events = await ScalarAsync<long>("select count(*) from digitalehilfe.mt_events");
        var pending = await IdsAsync("select id from digitalehilfe.mt_doc_plannedreminder");
        requests.ShouldBe(5);
        pending.Count.ShouldBeGreaterThan(10);

        // The dump was taken on 27 November 2026 at 16:28; every reminder it holds is due by the 30th.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero));
        var upgraded = OwnDatabase.Instance(App, Database, clock, _mail, runsReminders: true);
        var store = upgraded.Services.GetRequiredService<IDocumentStore>();

        upgraded.Services.GetRequiredService<TownDirectory>().All.Select(t => t.Id).ShouldBe([FirstTownOptions.DefaultId]);
        (await ScalarAsync<long>("select count(*) from digitalehilfe.mt_events where tenant_id <> 'kl'")).ShouldBe(0);
        (await ScalarAsync<long>("select count(*) from digitalehilfe.mt_events")).ShouldBe(events);
        await using (var session = store.QuerySession(Towns.First))
        {
            (await session.Query<HelpRequest>().CountAsync()).ShouldBe((int)requests);
            foreach (var request in await session.Query<HelpRequest>().ToListAsync())
                (await session.Events.FetchStreamAsync(request.Id)).ShouldNotBeEmpty();
        }
        var api = await OwnDatabase.ApiClientAsync(upgraded, Web.Features.Accounts.Role.Coordinator);
        (await (await api.GetAsync("/api/v1/help-requests")).Content.ReadAsStringAsync()).ShouldContain("\"totalCount\":5");

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<string> done;
        while (true)
        {
            await using var session = store.QuerySession(Towns.First);
            done = (await session.Query<ReminderDelivery>().Where(d => d.Done).ToListAsync()).Select(d => d.PlanId).ToList();
            if (pending.All(done.Contains) || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }
        pending.Where(p => !done.Contains(p)).ShouldBeEmpty("reminders planned before the upgrade and not delivered after it");
        _mail.Messages.Count.ShouldBeGreaterThan(0);
        _mail.Messages.Select(m => m.MessageId).ShouldBeUnique();
    }

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = new NpgsqlConnection(OwnDatabase.ConnectionTo(Database));
        await db.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, db).ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> IdsAsync(string sql)
    {
        await using var db = new NpgsqlConnection(OwnDatabase.ConnectionTo(Database));
        await db.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, db).ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
