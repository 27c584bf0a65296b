namespace DigitaleHilfe.Web.Features.Accounts;

// Per-account brute-force guard, computed from the recorded failures rather than stored as a flag:
// an account is locked while it has LockoutFailures failed sign-ins within LockoutWindow since its
// last success. Refused attempts during a lock are not failures, so a lock always ends on time.
public static class Lockout
{
    public static DateTimeOffset? LockedUntil(
        IEnumerable<DateTimeOffset> failures, DateTimeOffset? lastSuccess, DateTimeOffset now, AccountOptions options)
    {
        var recent = failures
            .Where(at => at > now - options.LockoutWindow && (lastSuccess is null || at > lastSuccess))
            .OrderByDescending(at => at)
            .Take(options.LockoutFailures)
            .ToList();
        return recent.Count < options.LockoutFailures ? null : recent[^1] + options.LockoutWindow;
    }
}
