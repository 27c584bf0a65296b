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
}
