namespace DigitaleHilfe.Web.Features.Accounts;

// The server-side half of a sign-in. The cookie only names the session; ending the session here
// (sign-out, "everywhere", deactivation) ends it for the cookie at once.
public sealed record UserSession
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public Guid SecurityStamp { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public string? Address { get; init; }

    public string? WhyInvalid(Account? account, DateTimeOffset now, AccountOptions options)
    {
        if (EndedAt is not null) return "beendet";
        if (account is null || !account.Active) return "Konto deaktiviert";
        if (account.SecurityStamp != SecurityStamp) return "Anmeldedaten geändert";
        if (now >= ExpiresAt) return "Höchstdauer erreicht";
        var idle = account.HandlesPersonalData ? options.IdleTimeout : options.VolunteerIdleTimeout;
        if (now - LastSeenAt >= idle) return "zu lange inaktiv";
        return null;
    }
}
