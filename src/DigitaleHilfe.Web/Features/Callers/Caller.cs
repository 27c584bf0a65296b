namespace DigitaleHilfe.Web.Features.Callers;

// The senior's personal data, in one document so it can be shown only to those allowed, corrected,
// merged and erased in one place. Request events carry only the caller's id.
public sealed record Caller
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Phones { get; init; } = [];     // E.164, e.g. +49631123456
    public string? Address { get; init; }
    public string? Email { get; init; }
    public string? ContactPerson { get; init; }                  // e.g. "Tochter Anna, 0171 …"
    public string? Notes { get; init; }                          // e.g. "hört schlecht – bitte langsam sprechen"
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? MergedInto { get; init; }                       // a duplicate folded into another caller
    public string? Language { get; init; }                       // ISO 639-1 when the senior needs other than German
    public IReadOnlyList<Guid> NotAgain { get; init; } = [];     // volunteers the senior asked not to get again

    // Erased (Features/Privacy): only the id, a district and the year first seen are left, for statistics.
    public string? District { get; init; }
    public int? FirstSeenYear { get; init; }
    public DateTimeOffset? AnonymisedAt { get; init; }
    public Privacy.ErasureReason? AnonymisedFor { get; init; }
    // The request events are masked and their snapshots rebuilt too; until then a retention run finishes it.
    public bool ErasureComplete { get; init; }

    public Caller Anonymised(string? district, Privacy.ErasureReason reason, DateTimeOffset at) => new()
    {
        Id = Id, MergedInto = MergedInto, District = district, FirstSeenYear = Shared.CityTime.Local(CreatedAt).Year,
        AnonymisedAt = at, AnonymisedFor = reason,
    };

    // Lower-case name plus every phone number in international and national digits, so one
    // substring search finds a caller by any part of either.
    public string SearchText { get; init; } = "";

    public Caller WithSearchText() => this with
    {
        SearchText = string.Join(' ', new[] { Name.ToLowerInvariant() }
            .Concat(Phones.Select(p => p.TrimStart('+')))
            .Concat(Phones.Select(Callers.Phones.NationalDigits))),
    };
}
