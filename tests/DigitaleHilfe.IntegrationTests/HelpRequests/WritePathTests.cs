using DigitaleHilfe.Web.Features.Board;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

// The one write path: a lost race is decided again, so a step already done answers "done" and only a
// real loss answers 409; a client's stale version answers 412 and appends nothing.
public sealed class WritePathTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Two_volunteers_claiming_ten_times_at_once_get_200_for_the_winner_and_409_for_the_other()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var anna = await App.ApiClientAsync(Role.Volunteer);
        var ben = await App.ApiClientAsync(Role.Volunteer);
        var claims = Enumerable.Range(0, 10).SelectMany(_ => new[] { (Who: "anna", Client: anna), (Who: "ben", Client: ben) }).ToList();

        var responses = await Task.WhenAll(claims.Select(async c => (c.Who, (await c.Client.PostAsync($"/api/v1/help-requests/{request.Id}/claim", null)).StatusCode)));

        await using var session = App.QuerySession();
        var events = await session.Events.FetchStreamAsync(request.Id);
        events.Count(e => e.Data is RequestClaimed).ShouldBe(1);
        var winner = (await session.LoadAsync<HelpRequest>(request.Id))!.VolunteerId;
        var winnerName = responses.First(r => r.StatusCode == HttpStatusCode.OK).Who;
        responses.Where(r => r.Who == winnerName).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        responses.Where(r => r.Who != winnerName).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        winner.ShouldNotBeNull();
    }

    [Fact]
    public async Task Forty_simultaneous_views_of_ones_own_request_all_succeed_and_are_all_recorded()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteer = await App.SignedInClientAsync(Role.Volunteer);
        var claim = await FormPost.SubmitAsync(volunteer, $"/Board/{request.Id}", new Dictionary<string, string>(), $"/HelpRequests/{request.Id}/Claim");
        claim.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var views = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => volunteer.GetAsync($"/Board/{request.Id}")));

        views.ShouldAllBe(v => v.StatusCode == HttpStatusCode.OK);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request.Id)).Count(e => e.Data is ContactDetailsViewed).ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task Details_added_by_phone_while_a_volunteer_claims_do_not_make_the_claim_fail()
    {
        for (var round = 0; round < 8; round++)
        {
            var request = await App.SendAsync(AppFixture.ValidCall());
            var volunteer = await App.ApiClientAsync(Role.Volunteer);

            var claim = volunteer.PostAsync($"/api/v1/help-requests/{request.Id}/claim", null);
            var details = App.SendAsync(new AddDetails.Command { RequestId = request.Id, Text = $"Ruft noch einmal an ({round})" });
            await Task.WhenAll(claim, details);

            (await claim).StatusCode.ShouldBe(HttpStatusCode.OK, $"round {round}: {await (await claim).Content.ReadAsStringAsync()}");
            (await details).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_step_with_a_stale_if_match_answers_412_and_appends_nothing()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteer = await App.ApiClientAsync(Role.Volunteer);
        var seen = request.Version;
        await App.SendAsync(new AddDetails.Command { RequestId = request.Id, Text = "Enkel hilft doch nicht" });
        await using var before = App.QuerySession();
        var count = (await before.Events.FetchStreamAsync(request.Id)).Count;

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/help-requests/{request.Id}/claim");
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{seen}\"");
        var response = await volunteer.SendAsync(stale);

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await using var after = App.QuerySession();
        (await after.Events.FetchStreamAsync(request.Id)).Count.ShouldBe(count);

        var current = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/help-requests/{request.Id}/claim");
        current.Headers.TryAddWithoutValidation("If-Match", $"\"{count}\"");
        (await volunteer.SendAsync(current)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/help-requests/{request.Id}/claim");
        malformed.Headers.TryAddWithoutValidation("If-Match", "sieben");
        (await volunteer.SendAsync(malformed)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_form_posted_after_someone_else_changed_the_request_shows_what_changed_instead_of_acting()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        var page = await coordinator.GetStringAsync($"/HelpRequests/{request.Id}");
        page.ShouldContain($"name=\"Version\" value=\"{request.Version}\"");
        await App.SendAsync(new AddDetails.Command { RequestId = request.Id, Text = "Termin nur vormittags" });

        var cancel = await FormPost.SubmitAsync(coordinator, $"/HelpRequests/{request.Id}",
            new Dictionary<string, string> { ["Reason"] = "Person hat abgesagt", ["Version"] = request.Version.ToString() }, $"/HelpRequests/{request.Id}/Cancel");

        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = await coordinator.GetStringAsync($"/HelpRequests/{request.Id}");
        shown.ShouldContain("inzwischen geändert");
        shown.ShouldContain("Ergänzt");
        await using var session = App.QuerySession();
        (await session.LoadAsync<HelpRequest>(request.Id))!.Status.ShouldBe(RequestStatus.Open);
    }

    [Fact]
    public async Task A_volunteer_past_the_hourly_claim_limit_is_refused_with_429_and_coordinators_hear_of_releases_after_views()
    {
        var coordinator = await App.CreateAccountAsync(Role.Coordinator);
        var volunteer = await App.SignedInClientAsync(Role.Volunteer);
        var requests = new List<Guid>();
        for (var i = 0; i < 6; i++) requests.Add((await App.SendAsync(AppFixture.ValidCall($"Person {i}"))).Id);

        for (var i = 0; i < 5; i++)
        {
            await FormPost.SubmitAsync(volunteer, $"/Board/{requests[i]}", new Dictionary<string, string>(), $"/HelpRequests/{requests[i]}/Claim");
            (await volunteer.GetAsync($"/Board/{requests[i]}")).StatusCode.ShouldBe(HttpStatusCode.OK);   // sees the contact details
            if (i < 3)
                await FormPost.SubmitAsync(volunteer, $"/Board/{requests[i]}", new Dictionary<string, string> { ["Reason"] = "passt doch nicht" }, $"/HelpRequests/{requests[i]}/Release");
        }
        var sixth = await FormPost.SubmitAsync(volunteer, $"/Board/{requests[5]}", new Dictionary<string, string>(), $"/HelpRequests/{requests[5]}/Claim");
        sixth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await volunteer.GetStringAsync($"/Board/{requests[5]}")).ShouldContain("in der letzten Stunde schon 5 Anfragen übernommen");
        await using (var session = App.QuerySession())
            (await session.LoadAsync<HelpRequest>(requests[5]))!.Status.ShouldBe(RequestStatus.Open);

        var alert = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(coordinator.Email));
        alert.Subject!.ShouldContain("mehrere Anfragen zurückgegeben");
        var page = await (await App.SignedInClientAsync(Role.Coordinator)).GetStringAsync("/Coordination/Alerts");
        page.ShouldContain("3 Rückgaben nach Ansicht der Kontaktdaten");

        // An hour later the volunteer may claim again (after giving one back: two at a time is the default capacity).
        App.Clock.SetUtcNow(App.Clock.GetUtcNow().AddHours(1).AddMinutes(1));
        await FormPost.SubmitAsync(volunteer, $"/Board/{requests[4]}", new Dictionary<string, string> { ["Reason"] = "passt doch nicht" }, $"/HelpRequests/{requests[4]}/Release");
        await FormPost.SubmitAsync(volunteer, $"/Board/{requests[5]}", new Dictionary<string, string>(), $"/HelpRequests/{requests[5]}/Claim");
        await using (var session = App.QuerySession())
            (await session.LoadAsync<HelpRequest>(requests[5]))!.Status.ShouldBe(RequestStatus.Claimed);
    }
}
