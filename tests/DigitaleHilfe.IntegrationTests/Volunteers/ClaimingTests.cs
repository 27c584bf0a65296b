using DigitaleHilfe.Web.Features.Board;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Volunteers;

public sealed class ClaimingTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Twenty_simultaneous_claims_make_one_winner_and_nineteen_conflicts()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.ApiClientAsync(Role.Volunteer)));

        var responses = await Task.WhenAll(volunteers.Select(v => v.PostAsync($"/api/v1/help-requests/{request.Id}/claim", null)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(19);
        var conflict = responses.First(r => r.StatusCode == HttpStatusCode.Conflict);
        conflict.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await conflict.Content.ReadAsStringAsync()).ShouldContain("Diese Anfrage hat gerade jemand anderes übernommen.");
        await using var session = App.QuerySession();
        var events = await session.Events.FetchStreamAsync(request.Id);
        events.Count(e => e.Data is RequestClaimed).ShouldBe(1);
    }

    [Fact]
    public async Task A_volunteer_claims_schedules_and_resolves_over_the_api()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var api = await App.ApiClientAsync(Role.Volunteer);
        var url = $"/api/v1/help-requests/{request.Id}";

        var claimed = await (await api.PostAsync($"{url}/claim", null)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await api.PostAsync($"{url}/claim", null);
        var scheduled = await api.PostAsJsonAsync($"{url}/appointment", new { at = AppFixture.Start.AddDays(2), mode = "telefon", place = "Anruf bei Frau M." });
        var early = await api.PostAsJsonAsync($"{url}/resolve", new { outcome = "PartlySolved", minutesSpent = 50 });
        var resolved = await api.PostAsJsonAsync($"{url}/resolve", new { outcome = "PartlySolved", minutesSpent = 50, remark = "Drucker läuft", evenBeforeAppointment = true });

        claimed.GetProperty("status").GetString().ShouldBe("Claimed");
        again.StatusCode.ShouldBe(HttpStatusCode.OK); // a repeat is harmless
        (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Scheduled");
        // The appointment lies ahead: reporting needs the explicit "trotzdem melden".
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Der Termin war noch nicht");
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("Resolved");
        body.GetProperty("version").GetInt64().ShouldBe(5);
    }

    [Fact]
    public async Task Illegal_steps_and_bad_input_are_problem_details_not_500()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteer = await App.ApiClientAsync(Role.Volunteer);
        var url = $"/api/v1/help-requests/{request.Id}";

        var resolveOpen = await volunteer.PostAsJsonAsync($"{url}/resolve", new { outcome = "Solved", minutesSpent = 10 });
        var closeAsVolunteer = await volunteer.PostAsync($"{url}/close", null);
        var badOutcome = await volunteer.PostAsJsonAsync($"{url}/resolve", new { outcome = "Prima", minutesSpent = 10 });
        var noReason = await volunteer.PostAsJsonAsync($"{url}/release", new { });
        var unknown = await volunteer.PostAsync($"/api/v1/help-requests/{Guid.NewGuid()}/claim", null);

        resolveOpen.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await resolveOpen.Content.ReadAsStringAsync()).ShouldContain("Nur eine übernommene Anfrage kann erledigt werden.");
        closeAsVolunteer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        badOutcome.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("reason");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var r in new[] { resolveOpen, closeAsVolunteer, badOutcome, noReason, unknown })
            r.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_coordinator_assigns_reassigns_closes_and_cancels()
    {
        var first = await App.CreateAccountAsync(Role.Volunteer);
        var second = await App.CreateAccountAsync(Role.Volunteer);
        var request = await App.SendAsync(AppFixture.ValidCall());
        var other = await App.SendAsync(AppFixture.ValidCall() with { Topic = "tablet" });
        var coordinator = await App.ApiClientAsync(Role.Coordinator);
        var url = $"/api/v1/help-requests/{request.Id}";

        (await coordinator.PostAsJsonAsync($"{url}/assign", new { volunteerId = first.Id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"{url}/assign", new { volunteerId = second.Id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"{url}/resolve", new { outcome = "Solved", minutesSpent = 30 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsync($"{url}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.PostAsJsonAsync($"/api/v1/help-requests/{other.Id}/cancel", new { reason = "Die Tochter hilft jetzt." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var session = App.QuerySession();
        var closed = (await session.LoadAsync<HelpRequest>(request.Id))!;
        (closed.Status, closed.VolunteerId).ShouldBe((RequestStatus.Closed, second.Id));
        (await session.LoadAsync<HelpRequest>(other.Id))!.Status.ShouldBe(RequestStatus.Cancelled);
    }

    [Fact]
    public async Task Contact_details_are_shown_only_to_the_claimer_and_each_view_is_recorded()
    {
        var request = await App.SendAsync(AppFixture.ValidCall("Ingrid Vertraulich") with { Phone = "0631 777888" });
        var claimer = await App.SignedInClientAsync(Role.Volunteer);
        var bystander = await App.SignedInClientAsync(Role.Volunteer);

        foreach (var html in new[] { await claimer.GetStringAsync("/Board"), await claimer.GetStringAsync($"/Board/{request.Id}") })
        {
            html.ShouldNotContain("Vertraulich");
            html.ShouldNotContain("777888");
            html.ShouldNotContain("777 888");
        }
        (await FormPost.SubmitAsync(claimer, $"/Board/{request.Id}", new Dictionary<string, string>(), $"/HelpRequests/{request.Id}/Claim"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var claimerView = await claimer.GetStringAsync($"/Board/{request.Id}");
        var bystanderView = await bystander.GetStringAsync($"/Board/{request.Id}");
        var bystanderApi = await (await App.ApiClientAsync(Role.Volunteer)).GetAsync($"/api/v1/help-requests/{request.Id}");

        claimerView.ShouldContain("Ingrid Vertraulich");
        claimerView.ShouldContain("0631 777888");
        bystanderView.ShouldNotContain("Vertraulich");
        bystanderView.ShouldContain("bereits übernommen");
        bystanderApi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request.Id)).Count(e => e.Data is ContactDetailsViewed).ShouldBe(1);
    }

    [Fact]
    public async Task Meine_Anfragen_adds_up_the_hours_from_the_events()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteer = await App.SignedInClientAsync(Role.Volunteer);
        await FormPost.SubmitAsync(volunteer, "/Account/SignIn", new Dictionary<string, string>(), $"/HelpRequests/{request.Id}/Claim");
        await FormPost.SubmitAsync(volunteer, "/Account/SignIn", new Dictionary<string, string> { ["Outcome"] = "Solved", ["MinutesSpent"] = "90" },
            $"/HelpRequests/{request.Id}/Resolve");

        (await volunteer.GetStringAsync("/Board/Mine")).ShouldContain("1 Std. 30 Min.");
    }

    [Fact]
    public async Task The_profile_api_validates_catalogue_ids_and_language_codes()
    {
        var api = await App.ApiClientAsync(Role.Volunteer);

        var ok = await api.PutAsJsonAsync("/api/v1/volunteers/me", new
        {
            topics = new[] { "smartphone", "tablet" }, districts = new[] { "erfenbach" }, languages = new[] { "de", "tr" },
            helpModes = new[] { "hausbesuch" }, capacity = 3,
            availability = new[] { new { day = "Monday", from = "09:00:00", to = "12:00:00" } }, pausedUntil = (string?)null,
        });
        var bad = await api.PutAsJsonAsync("/api/v1/volunteers/me", new
        {
            topics = new[] { "kochen" }, districts = Array.Empty<string>(), languages = new[] { "xx" }, helpModes = new[] { "telefon" }, capacity = 0,
        });

        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("capacity").GetInt32().ShouldBe(3);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldContain(e => e.StartsWith("topics"));
        errors.ShouldContain("districts");
        errors.ShouldContain(e => e.StartsWith("languages"));
        errors.ShouldContain("capacity");
    }

    [Fact]
    public async Task A_paused_volunteer_cannot_claim()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var api = await App.ApiClientAsync(Role.Volunteer);
        await api.PutAsJsonAsync("/api/v1/volunteers/me", new
        {
            topics = new[] { "smartphone" }, districts = new[] { "erfenbach" }, languages = new[] { "de" }, helpModes = new[] { "telefon" },
            capacity = 2, pausedUntil = "2026-12-24",
        });

        var claim = await api.PostAsync($"/api/v1/help-requests/{request.Id}/claim", null);

        claim.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await claim.Content.ReadAsStringAsync()).ShouldContain("Pause");
    }
}
