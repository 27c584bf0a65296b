using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Matching;

// Suggestions read volunteers from the in-memory CandidatePool and their recent work from the VolunteerActivity
// projection; both must follow every change as reading everything each time did.
public sealed class MatchingReadModelTests(AppFixture app) : IntegrationTest(app)
{
    private IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    private async Task<Account> VolunteerAsync(params string[] modes)
    {
        var volunteer = await App.CreateAccountAsync(Role.Volunteer);
        await using var session = Store.LightweightSession(Towns.First);
        session.Events.Append(volunteer.Id, new VolunteerProfileUpdated(volunteer.Id, ["online-banking"], ["innenstadt-ost"], ["de"], modes, 3, [], null, "Test",
            App.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return volunteer;
    }

    private async Task<IReadOnlyList<Suggestion>> SuggestionsAsync(Guid requestId) =>
        (await App.SendAsync(new Suggestions.ForRequest(requestId, Take: 10))).ShouldNotBeNull();

    [Fact]
    public async Task A_volunteer_who_released_requests_recently_is_told_apart_once_the_daemon_has_counted_it()
    {
        var reliable = await VolunteerAsync("hausbesuch");
        var releasing = await VolunteerAsync("hausbesuch");
        await using (var session = Store.LightweightSession(Towns.First))
        {
            var id = Guid.NewGuid();
            var at = App.Clock.GetUtcNow().AddDays(-3);
            session.Events.StartStream<HelpRequest>(id,
                new HelpRequestOpened(id, "2026-7000001", Guid.NewGuid(), "tablet", "…", "erfenbach", "telefon", null, false, "Hanna", at),
                new RequestClaimed(id, releasing.Id, releasing.Name, at.AddHours(1)),
                new RequestReleased(id, releasing.Id, "Keine Zeit", releasing.Name, at.AddHours(2)));
            await session.SaveChangesAsync();
        }
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var request = await App.SendAsync(AppFixture.ValidCall());

        var suggestions = await SuggestionsAsync(request.Id);

        var released = suggestions.Single(s => s.VolunteerId == releasing.Id);
        released.Reasons.ShouldContain("hat zuletzt Anfragen zurückgegeben oder Termine verpasst");
        released.Score.ShouldBeLessThan(suggestions.Single(s => s.VolunteerId == reliable.Id).Score);
        // Claimed three days ago: no longer "war länger nicht dran", unlike the one who never had a request.
        suggestions.Single(s => s.VolunteerId == reliable.Id).Reasons.ShouldContain("war länger nicht dran");
        released.Reasons.ShouldNotContain("war länger nicht dran");
    }

    [Fact]
    public async Task A_changed_profile_or_a_deactivated_account_shows_in_the_very_next_suggestions()
    {
        var volunteer = await VolunteerAsync("hausbesuch");
        var request = await App.SendAsync(AppFixture.ValidCall());
        (await SuggestionsAsync(request.Id)).Select(s => s.VolunteerId).ShouldContain(volunteer.Id);

        await using (var session = Store.LightweightSession(Towns.First))
        {
            session.Events.Append(volunteer.Id, new VolunteerProfileUpdated(volunteer.Id, ["online-banking"], ["innenstadt-ost"], ["de"], ["telefon"], 3, [], null,
                "Test", App.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        (await SuggestionsAsync(request.Id)).Select(s => s.VolunteerId).ShouldNotContain(volunteer.Id, "no home visits any more");

        var other = await VolunteerAsync("hausbesuch");
        (await SuggestionsAsync(request.Id)).Select(s => s.VolunteerId).ShouldContain(other.Id);
        await using (var session = Store.LightweightSession(Towns.First))
        {
            session.Store(other with { Active = false });
            await session.SaveChangesAsync();
        }
        (await SuggestionsAsync(request.Id)).Select(s => s.VolunteerId).ShouldNotContain(other.Id);
    }

    [Fact]
    public async Task The_pool_asks_each_table_for_its_latest_write_on_an_index_not_by_reading_every_volunteer()
    {
        await using var connection = await App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Whatever the few rows of the test database make cheapest: the plan an index offers (10,000 volunteers: 13 ms without).
        // The suite's first town holds few volunteers beside other towns: only an index that starts with the town reads just its entries.
        await using (var off = new Npgsql.NpgsqlCommand("set local enable_seqscan = off", connection, transaction))
            await off.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand("explain " + CandidatePool.VersionSql, connection, transaction) { Parameters = { new() { Value = Towns.First } } };
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        foreach (var table in new[] { "mt_doc_account", "mt_doc_volunteerprofile", "mt_doc_volunteeractivity" })
            plan.ShouldContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"Index (Only )?Scan( Backward)? using {table}_idx_tenant_id_mt_last_modified"),
                string.Join("\n", plan));
    }
}
