using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class ErasureTests(AppFixture app) : PrivacyTest(app)
{
    [Fact]
    public async Task After_erasure_a_full_database_dump_holds_none_of_the_seniors_data_and_every_statistic_is_unchanged()
    {
        var senior = await SeniorWithHistoryAsync();
        var dumpBefore = await DatabaseDump.AllAsync();
        PersonalData.Where(d => !dumpBefore.Contains(d)).ShouldBeEmpty("the journey should have stored every piece of data somewhere");
        var before = await StatisticsAsync();

        var coordinator = await App.ApiClientAsync(Role.Coordinator);
        var response = await coordinator.PostAsJsonAsync($"/api/v1/callers/{senior.CallerId}/erase", new { reason = "Anruf der Person, Art. 17" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();

        var dump = await DatabaseDump.AllAsync();
        PersonalData.Where(dump.Contains).ShouldBeEmpty();
        (await StatisticsAsync()).Select(Json).ShouldBe(before.Select(Json));
        await using var session = App.QuerySession();
        var caller = (await session.LoadAsync<Caller>(senior.CallerId))!;
        caller.ShouldSatisfyAllConditions(
            () => caller.Name.ShouldBeEmpty(), () => caller.Phones.ShouldBeEmpty(), () => caller.District.ShouldBe("innenstadt-ost"),
            () => caller.FirstSeenYear.ShouldBe(2026), () => caller.ErasureComplete.ShouldBeTrue());
    }

    [Fact]
    public async Task An_erased_seniors_requests_still_render_and_say_when_the_text_was_anonymised()
    {
        var senior = await SeniorWithHistoryAsync();
        await (await App.ApiClientAsync(Role.Coordinator)).PostAsJsonAsync($"/api/v1/callers/{senior.CallerId}/erase", new { reason = "Wunsch der Person" });

        var staff = await App.SignedInClientAsync(Role.Coordinator);
        foreach (var id in new[] { senior.Resolved, senior.Cancelled })
        {
            var page = await staff.GetAsync($"/HelpRequests/{id}");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("anonymisiert am 05.12.2026");
            html.ShouldNotContain(Erasure.Masked);
        }
        (await staff.GetAsync($"/Callers/{senior.CallerId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var board = await senior.Volunteer.Api.GetAsync($"/api/v1/help-requests/{senior.Resolved}");
        board.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task After_erasure_the_old_number_finds_nobody_and_a_second_erasure_answers_the_same()
    {
        var senior = await SeniorWithHistoryAsync();
        var coordinator = await App.ApiClientAsync(Role.Coordinator);

        var first = await (await coordinator.PostAsJsonAsync($"/api/v1/callers/{senior.CallerId}/erase", new { reason = "Wunsch" })).Content.ReadFromJsonAsync<Answer>();
        var again = await coordinator.PostAsJsonAsync($"/api/v1/callers/{senior.CallerId}/erase", new { reason = "Wunsch" });
        var hotline = await App.ApiClientAsync(Role.Operator);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<Answer>())!.AnonymisedAt.ShouldBe(first!.AnonymisedAt);
        foreach (var spelling in new[] { "0631 7654321", "+496317654321", "06317654321" })
            (await hotline.GetFromJsonAsync<object[]>($"/api/v1/callers?phone={Uri.EscapeDataString(spelling)}"))!.ShouldBeEmpty();
        (await coordinator.PostAsJsonAsync($"/api/v1/callers/{Guid.NewGuid()}/erase", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasure_without_a_reason_or_with_control_characters_is_a_problem_and_changes_nothing()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var coordinator = await App.ApiClientAsync(Role.Coordinator);

        var empty = await coordinator.PostAsJsonAsync($"/api/v1/callers/{logged.CallerId}/erase", new { reason = "" });
        var control = await coordinator.PostAsJsonAsync($"/api/v1/callers/{logged.CallerId}/erase", new { reason = "a\u0000b" });
        var huge = await coordinator.PostAsJsonAsync($"/api/v1/callers/{logged.CallerId}/erase", new { reason = new string('x', 100_000) });

        foreach (var r in new[] { empty, control, huge })
        {
            r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        await using var session = App.QuerySession();
        (await session.LoadAsync<Caller>(logged.CallerId))!.Name.ShouldBe("Erika Mustermann");
    }

    [Fact]
    public async Task Erasing_a_senior_with_an_open_request_cancels_it_and_removes_their_callbacks()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        await App.SendAsync(new Callbacks.Plan { RequestId = logged.Id, DueLocal = new DateTime(2026, 11, 27, 10, 0, 0), Reason = "Rueckruf" });

        var result = await App.SendAsync(new EraseCaller.Command(logged.CallerId, ErasureReason.Request, "Wunsch"));

        result.Outcome.ShouldBe(EraseCaller.Outcome.Erased);
        // The planner may have planned the new request's invitations just before; once it has read the
        // erasure's events, nothing is owed any more (and a job re-reads the request before sending).
        await App.SettleRemindersAsync();
        await using var session = App.QuerySession();
        var request = (await session.LoadAsync<HelpRequest>(logged.Id))!;
        request.Status.ShouldBe(RequestStatus.Cancelled);
        request.AnonymisedAt.ShouldNotBeNull();
        request.Description.ShouldBe(Erasure.Masked);
        (await session.Query<CallbackTask>().Where(t => t.CallerId == logged.CallerId).ToListAsync()).ShouldBeEmpty();
        (await session.Query<PlannedReminder>().Where(p => p.RequestId == logged.Id).ToListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Twenty_erasures_of_one_senior_at_once_erase_once_and_all_answer_200()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var coordinator = await App.ApiClientAsync(Role.Coordinator);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            coordinator.PostAsJsonAsync($"/api/v1/callers/{logged.CallerId}/erase", new { reason = "Wunsch" })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(logged.CallerId)).Count(e => e.Data is CallerAnonymised).ShouldBe(1);
        (await session.Events.FetchStreamAsync(logged.Id)).Count(e => e.Data is RequestAnonymised).ShouldBe(1);
    }

    [Fact]
    public async Task A_form_opened_before_the_erasure_is_told_the_request_is_erased_and_stores_nothing()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var hotline = await App.SignedInClientAsync(Role.Operator);
        var page = $"/HelpRequests/{logged.Id}";
        await hotline.GetStringAsync(page);
        await App.SendAsync(new EraseCaller.Command(logged.CallerId, ErasureReason.Request, "Wunsch"));

        // Each answer is read at once: the next form's page would show (and use up) the notice.
        foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
        {
            ($"{page}/Details", new() { ["Text"] = "Neue Nummer 0171 999" }),
            ($"{page}/Callback", new() { ["DueLocal"] = "2026-11-27T10:00", ["Reason"] = "Rückruf", ["ConfirmTime"] = "true" }),
        })
        {
            var response = await FormPost.SubmitAsync(hotline, "/Account", fields, path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await hotline.GetStringAsync(response.Headers.Location!.ToString())).ShouldContain("Die persönlichen Daten zu dieser Anfrage wurden gelöscht");
        }
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(logged.Id)).ShouldNotContain(e => e.Data is RequestDetailsAdded);
        (await session.Query<CallbackTask>().Where(t => t.RequestId == logged.Id).ToListAsync()).ShouldBeEmpty();
    }

    private sealed record Answer(Guid CallerId, DateTimeOffset? AnonymisedAt, int Requests);

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
}
