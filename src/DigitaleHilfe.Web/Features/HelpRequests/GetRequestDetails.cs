using DigitaleHilfe.Web.Features.Callers;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class GetRequestDetails
{
    public sealed record Query(Guid Id) : IQuery<Details?>;

    public sealed record Details(HelpRequest Request, Caller? Caller, long Version, IReadOnlyList<TimelineEntry> Timeline)
    {
        public string CallerName => Caller?.Name ?? Request.CallerName;
        public IReadOnlyList<string> Phones => Caller is null ? [Request.Phone] : Caller.Phones.Select(Callers.Phones.Display).ToList();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Details?>
    {
        public async ValueTask<Details?> Handle(Query query, CancellationToken cancellationToken)
        {
            var request = await session.LoadAsync<HelpRequest>(query.Id, cancellationToken);
            if (request is null) return null;

            var events = await session.Events.FetchStreamAsync(query.Id, token: cancellationToken);
            var timeline = Timeline.From(events);
            var caller = request.CallerId is { } callerId ? await session.LoadAsync<Caller>(callerId, cancellationToken) : null;
            return new Details(request, caller, timeline.Count == 0 ? 0 : timeline[^1].Version, timeline);
        }
    }
}
