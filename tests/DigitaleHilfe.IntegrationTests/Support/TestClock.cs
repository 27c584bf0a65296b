namespace DigitaleHilfe.IntegrationTests.Support;

// A clock the tests set and move. Unlike FakeTimeProvider it may be set back, which one app shared
// by all tests needs when each test starts again at the same moment.
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
