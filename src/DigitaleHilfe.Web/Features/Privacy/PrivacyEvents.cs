namespace DigitaleHilfe.Web.Features.Privacy;

// Why a person's data went. Stored by name: never rename one.
public enum ErasureReason { Request, ConsentWithdrawn, Retention }

// --- Events: they say what was done and never repeat what was erased. ---

// A senior's personal data was erased (the Caller document, their request events' free text).
// Stream: the caller's id, a stream of its own that records what happened to their data. Note: the
// coordinator's reason in their words (the form asks for it without names or numbers).
public sealed record CallerAnonymised(Guid CallerId, ErasureReason Reason, string? Note, IReadOnlyList<Guid> RequestIds, string By, DateTimeOffset At);

// The senior withdrew their consent to storing their data (Art. 7(3) DSGVO). Note: what the operator
// noted about the call; masked with the rest when the data is erased a moment later.
public sealed record ConsentWithdrawn(Guid CallerId, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

// On each of the senior's request streams: from here on the request has no personal data, and its
// pages say "anonymisiert am …" where the text was.
public sealed record RequestAnonymised(Guid RequestId, ErasureReason Reason, DateTimeOffset At);

// A volunteer's or staff member's account was erased; their name on request events now reads as a role.
// Stream: the account's id (the volunteer's profile stream).
public sealed record AccountErased(Guid AccountId, string By, DateTimeOffset At);

public static class ErasureReasons
{
    public static string German(ErasureReason reason) => reason switch
    {
        ErasureReason.Request => "auf Wunsch der Person (Art. 17 DSGVO)",
        ErasureReason.ConsentWithdrawn => "Einwilligung widerrufen",
        ErasureReason.Retention => "Aufbewahrungsfrist abgelaufen",
        _ => reason.ToString(),
    };
}
