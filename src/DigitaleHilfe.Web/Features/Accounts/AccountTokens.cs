using System.Security.Cryptography;
using System.Text;

namespace DigitaleHilfe.Web.Features.Accounts;

public enum TokenPurpose { ConfirmEmail, ResetPassword, ClaimInvitation }

// A single-use, expiring secret sent by email. Only its SHA-256 hash is stored (the id), so a
// database reader cannot use the links; high-entropy tokens need no slow hash.
public sealed record AccountToken : Shared.ISingleUseLink
{
    public string Id { get; init; } = "";
    public Guid AccountId { get; init; }
    public TokenPurpose Purpose { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
    public Guid? RequestId { get; init; }            // for invitations: the request to claim
    public DateTimeOffset IssuedAt { get; init; }
}

public static class AccountTokens
{
    // Times come from the caller's TimeProvider, so tests that move the clock move expiry too.
    public static string Issue(IDocumentSession session, Guid accountId, TokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime,
        Guid? requestId = null)
    {
        var token = Secrets.New();
        session.Store(new AccountToken
        {
            Id = Secrets.Hash(token), AccountId = accountId, Purpose = purpose, IssuedAt = now, ExpiresAt = now + lifetime, RequestId = requestId,
        });
        return token;
    }

    // The token if it is known, meant for this purpose, unused and not expired; otherwise null.
    public static async Task<AccountToken?> FindValidAsync(
        IQuerySession session, string? token, TokenPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await Shared.SingleUseLinks.FindAsync<AccountToken>(session, token, now, ct);
        return stored?.Purpose == purpose ? stored : null;
    }
}

public static class Secrets
{
    public static string New(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
