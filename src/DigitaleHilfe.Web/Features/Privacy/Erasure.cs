using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Privacy;

// What one erasure takes out of the stored events. Marten fixes its masking rules at start-up
// (MaskingRules.cs) and then applies every rule to every matching event of the streams it is given;
// an erasure of a senior and one of a volunteer must mask different things in the same event types,
// so a rule asks the erasure in progress (an AsyncLocal set for the length of one masking call).
public abstract record Erasure
{
    // What stands in the events where the text was; pages show "anonymisiert am …" instead (Shown).
    public const string Masked = "[anonymisiert]";

    private static readonly AsyncLocal<Erasure?> InProgress = new();

    public static Erasure? Current => InProgress.Value;

    // Rewrites the selected streams' events in place (Advanced.ApplyEventDataMasking, one transaction).
    public async Task MaskAsync(IDocumentStore store, string town, IReadOnlyCollection<Guid> streams, CancellationToken ct)
    {
        if (streams.Count == 0) return;
        InProgress.Value = this;
        try
        {
            // One town's streams only: the ids are that town's, and masking opens its own session.
            await store.Advanced.ApplyEventDataMasking(m =>
            {
                m.ForTenant(town);
                foreach (var id in streams) m.IncludeStream(id);
            }, ct);
        }
        finally
        {
            InProgress.Value = null;
        }
    }

    // Marten's masking does not touch projected data: the request snapshots are rebuilt from the masked
    // events (stored in the caller's session, saved by the caller).
    public static async Task RebuildRequestsAsync(IDocumentSession session, IEnumerable<Guid> requestIds, CancellationToken ct)
    {
        foreach (var id in requestIds)
            if (await session.Events.AggregateStreamAsync<HelpRequest>(id, token: ct) is { } rebuilt) session.Store(rebuilt);
    }

    public static string? Mask(string? text) => string.IsNullOrEmpty(text) ? text : Masked;

    public static bool IsMasked(string? text) => text == Masked;

    // For pages: the text, or when it was erased.
    public static string Shown(string? text, DateTimeOffset? anonymisedAt) =>
        IsMasked(text) ? $"anonymisiert{(anonymisedAt is { } at ? $" am {Shared.CityTime.Date(at)}" : "")}" : text ?? "";
}

// A senior's data: every free text and the first slice's name and phone.
public sealed record CallerErasure : Erasure;

// A volunteer's or staff member's name where it stands on events they took part in.
public sealed record PersonErasure(Guid AccountId, string Name, string Replacement) : Erasure
{
    public string Rename(string by) => by == Name ? Replacement : by;

    public string RenameIf(Guid? id, string name) => id == AccountId || name == Name ? Replacement : name;
}

// An erased request as pages and the API show it: "anonymisiert am …" where the text was.
public static class ErasedText
{
    public static HelpRequest Readable(HelpRequest r)
    {
        if (r.AnonymisedAt is not { } at) return r;
        string Show(string? text) => Erasure.Shown(text, at);
        string? ShowOptional(string? text) => text is null ? null : Show(text);
        return r with
        {
            Description = Show(r.Description), PreferredTimes = ShowOptional(r.PreferredTimes), Summary = ShowOptional(r.Summary),
            OutcomeRemark = ShowOptional(r.OutcomeRemark), AddedDetails = r.AddedDetails.Select(Show).ToList(),
            CallerName = Show(r.CallerName), Phone = Show(r.Phone),
            Appointment = r.Appointment is { } a ? a with { Place = ShowOptional(a.Place) } : null,
        };
    }
}
