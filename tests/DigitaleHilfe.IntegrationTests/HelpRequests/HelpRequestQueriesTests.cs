using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

public sealed class HelpRequestQueriesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Details_carry_the_version_and_a_timeline_read_from_the_event_stream()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());

        var details = (await App.SendAsync(new GetRequestDetails.Query(logged.Id))).ShouldNotBeNull();

        details.Version.ShouldBe(2);
        details.Timeline.Count.ShouldBe(2);
        details.Timeline[1].Type.ShouldBe(nameof(ConsentRecorded));
        var entry = details.Timeline[0];
        entry.Type.ShouldBe(nameof(HelpRequestOpened));
        entry.By.ShouldBe("System");
        entry.At.ShouldBe(AppFixture.Start);
        entry.Text.ShouldContain(logged.Number);
    }

    [Fact]
    public async Task Details_of_an_unknown_request_are_null()
    {
        (await App.SendAsync(new GetRequestDetails.Query(Guid.NewGuid()))).ShouldBeNull();
    }

    [Fact]
    public async Task The_list_pages_newest_first()
    {
        for (var i = 0; i < ListRequests.PageSize + 3; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            await App.SendAsync(AppFixture.ValidCall($"Person {i}") with { Phone = $"0631 {100000 + i}" });
        }

        var first = await App.SendAsync(new ListRequests.Query(new RequestFilter(), 1));
        var second = await App.SendAsync(new ListRequests.Query(new RequestFilter(), 2));

        first.Items.Count.ShouldBe(ListRequests.PageSize);
        first.CallerNameOf(first.Items[0]).ShouldBe($"Person {ListRequests.PageSize + 2}");
        second.Items.Count.ShouldBe(3);
        first.TotalCount.ShouldBe(ListRequests.PageSize + 3);
        first.TotalPages.ShouldBe(2);
        first.HasNext.ShouldBeTrue();
        second.HasNext.ShouldBeFalse();
    }

    [Fact]
    public async Task The_list_filters_by_status()
    {
        await App.SendAsync(AppFixture.ValidCall());

        (await App.SendAsync(new ListRequests.Query(new RequestFilter { Status = RequestStatus.Open }))).TotalCount.ShouldBe(1);
        (await App.SendAsync(new ListRequests.Query(new RequestFilter { Status = RequestStatus.Closed }))).TotalCount.ShouldBe(0);
    }
}
