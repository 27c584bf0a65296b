using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.Web.Features.Shared;

// A secret sent by email (account links, invitations, the senior's follow-up answer): stored only as
// its SHA-256 hash (the document id), valid once and until it expires.
public interface ISingleUseLink
{
    DateTimeOffset ExpiresAt { get; }
    DateTimeOffset? UsedAt { get; }
}

public static class SingleUseLinks
{
    // The link if it is known, unused and not expired; otherwise null. Nonsense is not even looked up.
    public static async Task<T?> FindAsync<T>(IQuerySession session, string? token, DateTimeOffset now, CancellationToken ct) where T : class, ISingleUseLink
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var stored = await session.LoadAsync<T>(Secrets.Hash(token), ct);
        return stored is { UsedAt: null } && stored.ExpiresAt > now ? stored : null;
    }
}
