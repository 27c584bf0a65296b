using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.UnitTests.Accounts;

public sealed class LockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly AccountOptions Options = new();

    private static IEnumerable<DateTimeOffset> Failures(int count, TimeSpan apart) =>
        Enumerable.Range(1, count).Select(i => Now - apart * i);

    [Fact]
    public void Nine_failures_do_not_lock()
    {
        Lockout.LockedUntil(Failures(9, TimeSpan.FromSeconds(5)), null, Now, Options).ShouldBeNull();
    }

    [Fact]
    public void Ten_failures_within_the_window_lock_until_the_oldest_of_them_leaves_it()
    {
        var failures = Failures(10, TimeSpan.FromSeconds(5)).ToList();

        Lockout.LockedUntil(failures, null, Now, Options).ShouldBe(failures.Min() + Options.LockoutWindow);
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        Lockout.LockedUntil(Failures(10, TimeSpan.FromMinutes(2)), null, Now, Options).ShouldBeNull();
    }

    [Fact]
    public void A_successful_sign_in_wipes_the_slate()
    {
        Lockout.LockedUntil(Failures(10, TimeSpan.FromSeconds(5)), lastSuccess: Now - TimeSpan.FromSeconds(30), Now, Options).ShouldBeNull();
    }
}
