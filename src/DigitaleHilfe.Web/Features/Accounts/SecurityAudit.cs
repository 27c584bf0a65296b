namespace DigitaleHilfe.Web.Features.Accounts;

public enum AuditKind
{
    SignedIn, SignInFailed, SignInRefusedLocked, LockedOut, SignedOut, SignedOutEverywhere,
    Registered, EmailConfirmed, Approved, Deactivated, Reactivated, RolesChanged,
    PasswordChanged, PasswordResetRequested, PasswordReset, AccountCreated, ApiKeyCreated,
    Rejected, CertificateRecorded, Invited, Erased,
}

// One security-relevant thing that happened: who it concerned, who did it, when, from where.
// Admins read these; the lockout rule counts SignInFailed entries.
public sealed record AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public AuditKind Kind { get; init; }
    public Guid? AccountId { get; init; }
    public string Account { get; init; } = "";      // email at the time, readable after deletion
    public string Actor { get; init; } = "";         // who did it: the person, an admin, "Kommandozeile"
    public string? Address { get; init; }            // client IP address
    public string? Detail { get; init; }
    public DateTimeOffset At { get; init; }
}

// Stores audit entries in the caller's session, so an entry and the change it describes are saved
// together or not at all.
public sealed class SecurityAudit(IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Record(IDocumentSession session, AuditKind kind, Account? account, string actor, string? detail = null)
    {
        var entry = new AuditEntry
        {
            Kind = kind,
            AccountId = account?.Id,
            Account = account?.Email ?? "",
            Actor = actor,
            Address = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
            At = clock.GetUtcNow(),
        };
        session.Store(entry);
        return entry;
    }
}
