namespace DigitaleHilfe.Web.Features.Accounts;

public static class Sessions
{
    // Ends every open session of an account, optionally sparing one (the device that changed the password).
    public static async Task EndAllAsync(IDocumentSession session, Guid accountId, DateTimeOffset now, CancellationToken ct, Guid? except = null)
    {
        var open = await session.Query<UserSession>().Where(s => s.AccountId == accountId && s.EndedAt == null).ToListAsync(ct);
        foreach (var s in open.Where(s => s.Id != except)) session.Store(s with { EndedAt = now });
    }
}
