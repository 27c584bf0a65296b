namespace DigitaleHilfe.Web.Features.Accounts;

// A key for the JSON API, for scripts and the phone system. Shown once when created; only its hash
// is kept. It acts with its account's roles and stops working when the account is deactivated.
public sealed record ApiKey
{
    public string Id { get; init; } = "";            // SHA-256 of the key
    public Guid AccountId { get; init; }
    public string Label { get; init; } = "";
    public string Prefix { get; init; } = "";        // first characters, to recognise a key in lists
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public const string KeyPrefix = "dh_";

    public static (ApiKey Stored, string Key) Create(Guid accountId, string label, DateTimeOffset now)
    {
        var key = KeyPrefix + Secrets.New();
        return (new ApiKey { Id = Secrets.Hash(key), AccountId = accountId, Label = label, Prefix = key[..10], CreatedAt = now }, key);
    }
}
