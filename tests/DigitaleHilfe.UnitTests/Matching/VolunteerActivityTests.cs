using DigitaleHilfe.Web.Features.Matching;

namespace DigitaleHilfe.UnitTests.Matching;

public sealed class VolunteerActivityTests
{
    [Fact]
    public void Keeps_the_latest_request_and_only_the_setbacks_of_the_last_ninety_days()
    {
        var at = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

        var activity = new VolunteerActivity().Took(at).Took(at.AddDays(-5)).SetBack(at.AddDays(-200)).SetBack(at).SetBack(at.AddDays(1));

        activity.LastRequestAt.ShouldBe(at);
        activity.Setbacks.Count.ShouldBe(2);
        activity.SetbacksSince(at.AddHours(1)).ShouldBe(1);
    }
}
