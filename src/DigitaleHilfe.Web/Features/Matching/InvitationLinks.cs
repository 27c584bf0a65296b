using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitaleHilfe.Web.Features.Matching;

// An invitation link carries what it grants (town, request, volunteer, until when), sealed with ASP.NET Core Data
// Protection: the key ring every node shares in PostgreSQL, so any node reads a link another node wrote, and nobody
// can make or change one without the keys. Nothing is stored per invitation: a token row for every invited volunteer
// was three inserts for every new request (docs/performance.md). Whether a link is honoured (signed in as the volunteer
// it names, in its town, not expired, the request not already theirs) is InvitationsController's rule; whether the
// request can still be taken is the claim rule's.
public sealed class InvitationLinks(IDataProtectionProvider protection)
{
    public sealed record Grant(string Town, Guid RequestId, Guid AccountId, DateTimeOffset ExpiresAt);

    private readonly IDataProtector _protector = protection.CreateProtector("DigitaleHilfe.Invitations.v1");

    public string Issue(Grant grant)
    {
        var town = Encoding.UTF8.GetBytes(grant.Town);
        var payload = new byte[40 + town.Length];
        grant.RequestId.TryWriteBytes(payload.AsSpan(0, 16));
        grant.AccountId.TryWriteBytes(payload.AsSpan(16, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(32, 8), grant.ExpiresAt.ToUnixTimeSeconds());
        town.CopyTo(payload, 40);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    // The grant, or null for anything this installation did not issue (made up, altered, cut short, another key ring).
    public Grant? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400) return null;
        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (payload.Length <= 40) return null;
            return new Grant(Encoding.UTF8.GetString(payload, 40, payload.Length - 40), new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)),
                DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(32, 8))));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
