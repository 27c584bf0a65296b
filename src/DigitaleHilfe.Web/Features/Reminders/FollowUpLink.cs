namespace DigitaleHilfe.Web.Features.Reminders;

// The link in the follow-up email to a senior: one answer, no account. Only the hash is stored.
public sealed record FollowUpLink : Shared.ISingleUseLink
{
    public string Id { get; init; } = "";
    public Guid RequestId { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
}
