using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Privacy;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class RetentionTests(AppFixture app) : PrivacyTest(app)
{
    private static readonly DateTimeOffset Ended = AppFixture.Start.AddHours(1);

    private async Task<(Guid Caller, Guid Request)> ResolvedAsync(Guid? callerId = null, string name = "Erika Mustermann", string phone = "0631 123456")
    {
        var volunteer = await VolunteerAsync();
        var logged = await App.SendAsync(AppFixture.ValidCall(name) with { CallerId = callerId, Phone = phone });
        await StepAsync(volunteer, logged.Id, "claim");
        await StepAsync(volunteer, logged.Id, "resolve", new { outcome = "Solved", minutesSpent = 30, evenBeforeAppointment = true });
        return (logged.CallerId, logged.Id);
    }

    private async Task<RetentionRun.Report> RunAtAsync(DateTimeOffset now)
    {
        App.Clock.SetUtcNow(now);
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync();
    }

    private async Task<Caller> CallerAsync(Guid id)
    {
        await using var session = App.QuerySession();
        return (await session.LoadAsync<Caller>(id))!;
    }

    [Fact]
    public async Task A_callers_data_is_erased_twelve_months_and_a_day_after_their_last_request_ended_not_a_day_before()
    {
        App.Clock.SetUtcNow(Ended);
        var (caller, request) = await ResolvedAsync();

        (await RunAtAsync(Ended.AddMonths(12).AddDays(-1))).Erased.ShouldBe(0);
        (await CallerAsync(caller)).Name.ShouldBe("Erika Mustermann");

        (await RunAtAsync(Ended.AddMonths(12).AddDays(1))).Erased.ShouldBe(1);
        var erased = await CallerAsync(caller);
        erased.Name.ShouldBeEmpty();
        erased.AnonymisedFor.ShouldBe(ErasureReason.Retention);
        erased.ErasureComplete.ShouldBeTrue();
        (await RequestAsync(request)).Description.ShouldBe(Erasure.Masked);

        (await RunAtAsync(Ended.AddMonths(12).AddDays(2))).Erased.ShouldBe(0);   // idempotent: nothing left to do
    }

    [Fact]
    public async Task A_town_with_a_shorter_retention_period_of_its_own_erases_after_that_period()
    {
        var town = App.Services.GetRequiredService<DigitaleHilfe.Web.Features.Towns.TownDirectory>().Find(Towns.First)!;
        (await App.SendAsync(DigitaleHilfe.Web.Features.Towns.TownSettings.Command.Of(town) with { RetentionMonths = 3 }))
            .ShouldBe(DigitaleHilfe.Web.Features.Towns.TownEdits.Outcome.Saved);
        App.Clock.SetUtcNow(Ended);
        var (caller, _) = await ResolvedAsync();

        (await RunAtAsync(Ended.AddMonths(3).AddDays(-1))).Erased.ShouldBe(0);
        (await RunAtAsync(Ended.AddMonths(3).AddDays(1))).Erased.ShouldBe(1);
        (await CallerAsync(caller)).AnonymisedFor.ShouldBe(ErasureReason.Retention);
    }

    [Fact]
    public async Task A_returning_caller_resets_the_clock_and_an_open_request_keeps_the_data()
    {
        App.Clock.SetUtcNow(Ended);
        var (caller, _) = await ResolvedAsync();
        App.Clock.SetUtcNow(Ended.AddMonths(7));
        await ResolvedAsync(caller);
        App.Clock.SetUtcNow(Ended.AddMonths(8));
        var stillOpen = await App.SendAsync(AppFixture.ValidCall("Otto Offen") with { Phone = "0631 555000" });

        await RunAtAsync(Ended.AddMonths(12).AddDays(1));
        (await CallerAsync(caller)).Name.ShouldBe("Erika Mustermann");

        await RunAtAsync(Ended.AddMonths(19).AddDays(1));
        (await CallerAsync(caller)).Name.ShouldBeEmpty();
        (await CallerAsync(stillOpen.CallerId)).Name.ShouldBe("Otto Offen");
    }

    [Fact]
    public async Task A_caller_whose_erasure_fails_is_reported_and_the_others_are_still_erased()
    {
        App.Clock.SetUtcNow(Ended);
        var (good, _) = await ResolvedAsync();
        var (broken, brokenRequest) = await ResolvedAsync(name: "Bruno Kaputt", phone: "0631 999888");
        // An event this version cannot read (an outcome it does not know): the stream cannot be masked.
        await using (var connection = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var corrupt = new Npgsql.NpgsqlCommand(
                "update digitalehilfe.mt_events set data = jsonb_set(data, '{Outcome}', '\"Kaputt\"') where stream_id = @id and type = 'request_resolved'", connection);
            corrupt.Parameters.AddWithValue("id", brokenRequest);
            (await corrupt.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var report = await RunAtAsync(Ended.AddMonths(13));

        report.Erased.ShouldBe(1);
        report.Failed.ShouldBe(1);
        (await CallerAsync(good)).Name.ShouldBeEmpty();
        await using var read = App.QuerySession();
        var problem = (await read.Query<BackgroundProblem>().ToListAsync()).ShouldHaveSingleItem();
        problem.Work.ShouldBe(BackgroundProblem.Retention);
        problem.RequestId.ShouldBe(broken);
        var alerts = await (await App.SignedInClientAsync(Web.Features.Accounts.Role.Coordinator)).GetStringAsync("/Coordination/Alerts");
        alerts.ShouldContain(BackgroundProblem.Retention);
        alerts.ShouldNotContain("Bruno");
    }

    [Fact]
    public async Task A_first_slice_request_with_the_name_in_its_own_event_is_masked_when_its_time_is_up()
    {
        var id = Guid.NewGuid();
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.StartStream<HelpRequest>(id,
                new HelpRequestLogged(id, "2025-0001", "Gustav Altbestand", "+49631777666", "tablet", "Tablet einrichten, Altbestandtext", "erfenbach", "telefon", "Hanna", Ended),
                new RequestCancelled(id, "Person verzogen", "Hanna", Ended));
            await session.SaveChangesAsync();
        }

        (await RunAtAsync(Ended.AddMonths(12).AddDays(-1))).LegacyRequests.ShouldBe(0);
        (await RunAtAsync(Ended.AddMonths(12).AddDays(1))).LegacyRequests.ShouldBe(1);

        var request = await RequestAsync(id);
        request.AnonymisedAt.ShouldNotBeNull();
        request.CallerName.ShouldBe(Erasure.Masked);
        request.Status.ShouldBe(RequestStatus.Cancelled);
        var dump = await DatabaseDump.AllAsync();
        foreach (var trace in new[] { "Altbestand", "777666" }) dump.ShouldNotContain(trace);
    }
}
