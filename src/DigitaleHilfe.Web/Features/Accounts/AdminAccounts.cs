namespace DigitaleHilfe.Web.Features.Accounts;

// The rule SetAccountActive and ChangeRoles share: there is always an active admin. Both count and
// save under this one advisory lock, so two admins demoting each other at once leave one.
public static class AdminAccounts
{
    public const string Lock = "accounts:admins";
    public const string LastAdmin = "Das letzte aktive Konto mit der Rolle Administration kann diese Rolle nicht abgeben und nicht deaktiviert werden.";
    public const string NotFound = "Dieses Konto gibt es nicht.";

    public static Task<int> ActiveAdminsAsync(IQuerySession session, CancellationToken ct) =>
        session.Query<Account>().CountAsync(a => a.Active && a.Roles.Contains(Role.Admin), ct);
}
