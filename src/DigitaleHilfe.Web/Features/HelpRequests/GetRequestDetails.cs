using DigitaleHilfe.Web.Features.Callers;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class GetRequestDetails
{
    // AsOf: the request as it was at that moment, rebuilt from its events up to then ("what did we know
    // when the senior called again?"); null: as it is now.
    public sealed record Query(Guid Id, DateTimeOffset? AsOf = null) : IQuery<Details?>;

    public sealed record Details(HelpRequest Request, Caller? Caller, long Version, IReadOnlyList<TimelineEntry> Timeline)
    {
        // What the reminders will do next for this request, soonest first (staff pages show it).
        public IReadOnlyList<(string What, DateTimeOffset When)> Upcoming { get; init; } = [];
        public DateTimeOffset? AsOf { get; init; }

        public string CallerName => Caller is { AnonymisedAt: { } erased } ? Privacy.Erasure.Shown(Privacy.Erasure.Masked, erased) : Caller?.Name ?? Request.CallerName;
        public IReadOnlyList<string> Phones => Caller is null ? [Request.Phone] : Caller.Phones.Select(Callers.Phones.Display).ToList();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            // One round trip for the request, its events and its planned reminders; the senior follows by id.
            var batch = session.CreateBatchQuery();
            var requestQuery = batch.Load<HelpRequest>(query.Id);
            var eventsQuery = batch.Events.FetchStream(query.Id);
            var upcomingQuery = batch.Query<Reminders.PlannedReminder>().Where(p => p.RequestId == query.Id).OrderBy(p => p.DueAt).ToList();
            await batch.Execute(cancellationToken);
            var request = await requestQuery;
            if (request is null) return null;

            var events = await eventsQuery;
            var timeline = Timeline.From(events, request.AnonymisedAt);
            if (query.AsOf is { } asOf)
            {
                // Each event's own time decides (the store's timestamp is when it was written, which is the same in
                // production but not when events were imported); never earlier than the request's first event.
                var version = Math.Max(1, timeline.Where(t => t.At <= asOf).Select(t => t.Version).DefaultIfEmpty(1).Max());
                if (await session.Events.AggregateStreamAsync<HelpRequest>(query.Id, version: version, token: cancellationToken) is { } then)
                {
                    var thenCaller = then.CallerId is { } id ? await session.LoadAsync<Caller>(id, cancellationToken) : null;
                    return new Details(Privacy.ErasedText.Readable(then with { AnonymisedAt = request.AnonymisedAt }), thenCaller, version,
                        timeline.Where(t => t.Version <= version).ToList()) { AsOf = asOf };
                }
            }
            var caller = request.CallerId is { } callerId ? await session.LoadAsync<Caller>(callerId, cancellationToken) : null;
            var upcoming = await upcomingQuery;
            return new Details(Privacy.ErasedText.Readable(request), caller, timeline.Count == 0 ? 0 : timeline[^1].Version, timeline)
            {
                Upcoming = upcoming.Select(p => (Reminders.ReminderKinds.Label(p.Kind), p.DueAt)).ToList(),
            };
        }
    }
}
