using DigitaleHilfe.Web.Features.Callers;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class GetRequestDetails
{
    public sealed record Query(Guid Id) : IQuery<Details?>;

    public sealed record Details(HelpRequest Request, Caller? Caller, long Version, IReadOnlyList<TimelineEntry> Timeline)
    {
        // What the reminders will do next for this request, soonest first (staff pages show it).
        public IReadOnlyList<(string What, DateTimeOffset When)> Upcoming { get; init; } = [];

        public string CallerName => Caller is { AnonymisedAt: { } erased } ? Privacy.Erasure.Shown(Privacy.Erasure.Masked, erased) : Caller?.Name ?? Request.CallerName;
        public IReadOnlyList<string> Phones => Caller is null ? [Request.Phone] : Caller.Phones.Select(Callers.Phones.Display).ToList();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await session.LoadAsync<HelpRequest>(query.Id, cancellationToken);
            if (request is null) return null;

            var events = await session.Events.FetchStreamAsync(query.Id, token: cancellationToken);
            var timeline = Timeline.From(events, request.AnonymisedAt);
            var caller = request.CallerId is { } callerId ? await session.LoadAsync<Caller>(callerId, cancellationToken) : null;
            var upcoming = await session.Query<Reminders.PlannedReminder>().Where(p => p.RequestId == query.Id).OrderBy(p => p.DueAt)
                .ToListAsync(cancellationToken);
            return new Details(Privacy.ErasedText.Readable(request), caller, timeline.Count == 0 ? 0 : timeline[^1].Version, timeline)
            {
                Upcoming = upcoming.Select(p => (Reminders.ReminderKinds.Label(p.Kind), p.DueAt)).ToList(),
            };
        }
    }
}
