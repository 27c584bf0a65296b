using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.UnitTests.Reminders;

public sealed class DispatchSignalTests
{
    [Fact]
    public void A_signal_is_busy_from_the_raise_until_a_round_that_began_after_it_is_over()
    {
        var signal = new DispatchSignal();
        signal.Idle.ShouldBeTrue();

        signal.Raise();
        signal.Idle.ShouldBeFalse();
        var round = signal.Requested;
        signal.Answered(round);

        signal.Idle.ShouldBeTrue();
    }

    [Fact]
    public void A_raise_during_a_round_keeps_the_signal_busy_until_the_next_round()
    {
        var signal = new DispatchSignal();
        signal.Raise();
        var round = signal.Requested;

        signal.Raise();   // the planner stored more while the round ran
        signal.Answered(round);

        signal.Idle.ShouldBeFalse();
        signal.Answered(signal.Requested);
        signal.Idle.ShouldBeTrue();
    }

    [Fact]
    public async Task Many_raises_before_a_round_wake_it_once()
    {
        var signal = new DispatchSignal();
        for (var i = 0; i < 5; i++) signal.Raise();

        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();
        (await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeFalse();
    }
}
