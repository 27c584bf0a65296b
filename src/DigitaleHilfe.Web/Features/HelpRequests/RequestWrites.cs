using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Matching;
using JasperFx;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// What became of one write to a request stream. Done: the decision's event is stored. AlreadyDone:
// nothing was needed (a repeated claim by the holder, a second answer). Refused: the rules said no.
// Conflict: somebody else's change won (only a real loss, after deciding again). Stale: the client
// acted on a version that is no longer current (If-Match, the form's hidden version). Limited: too many
// steps of this kind in a short time.
public enum WriteKind { Done, AlreadyDone, Refused, Conflict, Stale, Limited, NotFound }

public sealed record WriteResult(WriteKind Kind, string? Reason, HelpRequest? State, long Version)
{
    // For Stale: what happened since the version the client saw, as the timeline says it.
    public IReadOnlyList<TimelineEntry> Changes { get; init; } = [];

    public bool Succeeded => Kind is WriteKind.Done or WriteKind.AlreadyDone;
}

// The one write path for request streams: fetch for writing, decide on what was fetched, append, save
// with Marten's version check. When the save loses a race, the session forgets its pending work and the
// request is fetched and decided again: a step somebody else already did then answers AlreadyDone, an
// unrelated change (a note, a detail from the hotline) is simply decided on, and only a real loss is a
// Conflict. Extra documents (a used link, a callback task) go into the same transaction via `alongside`.
public static class RequestWrites
{
    public const int Attempts = 5;

    public static async Task<WriteResult> WriteAsync(
        IDocumentSession session, Guid requestId, long? expectedVersion,
        Func<HelpRequest, Task<Decision>> decide, CancellationToken ct, Action<IDocumentSession, HelpRequest>? alongside = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A session whose save failed keeps what it had fetched; every retry starts with a fresh one.
            var current = attempt == 1 ? session : session.DocumentStore.LightweightSession(session.TenantId);
            try
            {
                var stream = await current.Events.FetchForWriting<HelpRequest>(requestId, ct);
                if (stream.Aggregate is not { } request) return new(WriteKind.NotFound, "Diese Anfrage gibt es nicht.", null, 0);
                var version = stream.CurrentVersion ?? 0;
                if (expectedVersion is { } expected && expected != version && await ChangesSinceAsync(current, requestId, expected, ct) is { Count: > 0 } changes)
                    return new(WriteKind.Stale, ChangedMeanwhile, request, version) { Changes = changes };

                var decision = await decide(request);
                switch (decision.Kind)
                {
                    case DecisionKind.AlreadyDone: return new(WriteKind.AlreadyDone, null, request, version);
                    case DecisionKind.Refused: return new(WriteKind.Refused, decision.Refusal, request, version);
                    case DecisionKind.TakenByOther: return new(WriteKind.Conflict, decision.Refusal, request, version);
                    case DecisionKind.Limited: return new(WriteKind.Limited, decision.Refusal, request, version);
                }

                stream.AppendOne(decision.Event!);
                alongside?.Invoke(current, request);
                try
                {
                    await current.SaveChangesAsync(ct);
                    // The inline snapshot was saved with the event: read it back rather than apply the event twice.
                    return new(WriteKind.Done, null, await current.LoadAsync<HelpRequest>(requestId, ct) ?? request, version + 1);
                }
                catch (ConcurrencyException) when (attempt < Attempts)
                {
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
                }
                catch (ConcurrencyException)
                {
                    return new(WriteKind.Conflict, ChangedMeanwhile, request, version);
                }
            }
            finally
            {
                if (attempt > 1) await current.DisposeAsync();
            }
        }
    }

    // An observation, not a decision (ContactDetailsViewed): appended without a version condition, and
    // retried when another write took the stream's next version number at the same moment, so that
    // looking at a request never fails.
    public static async Task RecordAsync(IDocumentSession session, Guid requestId, object observation, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = attempt == 1 ? session : session.DocumentStore.LightweightSession(session.TenantId);
            try
            {
                current.Events.Append(requestId, observation);
                await current.SaveChangesAsync(ct);
                return;
            }
            catch (ConcurrencyException) when (attempt < Attempts * 2)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
            }
            finally
            {
                if (attempt > 1) await current.DisposeAsync();
            }
        }
    }

    // Steps people took since a version. Records of what the system or a reader did (a reminder sent,
    // volunteers invited, contact details viewed) change nothing a person decides on, so a form shown
    // before them is still current.
    public static async Task<IReadOnlyList<TimelineEntry>> ChangesSinceAsync(IQuerySession session, Guid requestId, long version, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(requestId, fromVersion: version + 1, token: ct);
        return Timeline.From(events.Where(e => e.Data is not (ContactDetailsViewed or ReminderSent or VolunteersInvited)));
    }

    public const string ChangedMeanwhile =
        "Die Anfrage wurde inzwischen geändert. Bitte sehen Sie sich den neuen Stand an und versuchen Sie es dann noch einmal.";
}
