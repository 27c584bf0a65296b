using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Reminders;

// The crash case with whole app instances on their own database: the first saves the events and
// never plans anything (its planner and job server are off, as if it died right after saving); a
// second instance starts afterwards and must find, plan and send what the first left behind.
public sealed class RestartTests(AppFixture app) : IntegrationTest(app)
{
    // Their own clock and mail server: the instances live on until the suite ends, and nothing they
    // might still send may reach the other tests' inbox when those move time.
    private readonly TestClock _clock = new(AppFixture.Start);
    private readonly TestSmtpServer _smtp = new();

    public override async Task DisposeAsync() => await _smtp.DisposeAsync();

    private WebApplicationFactory<Program> Instance(bool runsReminders) =>
        OwnDatabase.Instance(App, "digitalehilfe_restart", _clock, _smtp, runsReminders);

    [Fact]
    public async Task A_claim_saved_by_an_instance_that_died_before_planning_is_confirmed_by_the_next_one()
    {
        var first = Instance(runsReminders: false);
        var store = first.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.ResetAllData();
        var volunteer = await OwnDatabase.VolunteerAsync(first, ["tablet"], ["erfenbach"]);
        var logged = await OwnDatabase.SendAsync(first, AppFixture.ValidCall());
        (await volunteer.PostAsync($"/api/v1/help-requests/{logged.Id}/claim", null)).EnsureSuccessStatusCode();
        await using (var session = store.QuerySession(Towns.First))
            (await session.Query<PlannedReminder>().CountAsync()).ShouldBe(0);   // saved, nothing planned

        var second = Instance(runsReminders: true);
        second.CreateClient();   // starts it: its planner catches up from the progress stored in PostgreSQL

        var mail = await _smtp.WaitForMessageAsync(m => m.Subject!.Contains("Kontaktdaten") && m.Subject.Contains(logged.Number), TimeSpan.FromSeconds(30));
        mail.TextBody!.ShouldContain("Erika Mustermann");
        await Task.Delay(TimeSpan.FromSeconds(2));
        _smtp.Messages.Count(m => m.Subject!.Contains("Kontaktdaten")).ShouldBe(1);
    }
}
