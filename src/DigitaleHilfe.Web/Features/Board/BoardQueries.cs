using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Board;

public static class BoardQueries
{
    public sealed record OpenRequests(Guid VolunteerId, string? Topic, string? District, string? HelpMode) : IQuery<IReadOnlyList<BoardItem>>;

    // A request on the board, with how well it fits this volunteer (null: it does not, e.g. another way of helping).
    public sealed record BoardItem(HelpRequest Request, Suggestion? Fit);

    public sealed record Mine(Guid VolunteerId) : IQuery<MyRequests>;

    public sealed record MyRequests(IReadOnlyList<HelpRequest> Active, IReadOnlyList<HelpRequest> Finished, int MinutesSpent);

    public sealed class Handler(IQuerySession session, CandidatePool pool, IOptions<MatchingOptions> options, Catalog.Catalog catalog, TimeProvider clock)
        : IQueryHandler<OpenRequests, IReadOnlyList<BoardItem>>, IQueryHandler<Mine, MyRequests>
    {
        public async ValueTask<IReadOnlyList<BoardItem>> Handle(OpenRequests query, CancellationToken ct)
        {
            IQueryable<HelpRequest> open = session.Query<HelpRequest>().Where(r => r.Status == RequestStatus.Open);
            if (!string.IsNullOrEmpty(query.Topic)) open = open.Where(r => r.Topic == query.Topic);
            if (!string.IsNullOrEmpty(query.District)) open = open.Where(r => r.District == query.District);
            if (!string.IsNullOrEmpty(query.HelpMode)) open = open.Where(r => r.HelpMode == query.HelpMode);
            var requests = await open.OrderBy(r => r.LoggedAt).Take(200).ToListAsync(ct);

            // Ordered by this volunteer's own matching score. Capacity and pauses do not hide the board
            // (the claim says so); a senior's wish not to get this volunteer again does.
            var me = (await Candidates.LoadAsync(pool, session, null, clock.GetUtcNow(), ct)).FirstOrDefault(c => c.VolunteerId == query.VolunteerId);
            if (me is null) return requests.Select(r => new BoardItem(r, null)).ToList();
            me = me with { ActiveRequests = 0, Paused = false };
            var callerIds = requests.Where(r => r.CallerId is not null).Select(r => r.CallerId!.Value).Distinct().ToArray();
            var callers = callerIds.Length == 0 ? [] : (await session.LoadManyAsync<Caller>(ct, callerIds)).ToDictionary(c => c.Id);
            var helped = (await session.Query<HelpRequest>().Where(r => r.VolunteerId == query.VolunteerId).ToListAsync(ct))
                .Where(r => r.Outcome is Outcome.Solved or Outcome.PartlySolved && r.CallerId is not null).Select(r => r.CallerId!.Value).ToHashSet();

            return requests
                .Select(r =>
                {
                    var caller = r.CallerId is { } id ? callers.GetValueOrDefault(id) : null;
                    var candidate = me with { HelpedCallerWell = caller is not null && helped.Contains(caller.Id), BlockedByCaller = caller?.NotAgain.Contains(me.VolunteerId) ?? false };
                    return (Item: new BoardItem(r, MatchScore.Score(Candidates.For(r, caller, catalog), candidate, options.Value, catalog.TopicLabel)), Blocked: candidate.BlockedByCaller);
                })
                .Where(x => !x.Blocked).Select(x => x.Item)
                .OrderByDescending(i => i.Fit?.Score ?? -1).ThenByDescending(i => i.Request.Urgent).ThenBy(i => i.Request.LoggedAt).ToList();
        }

        public async ValueTask<MyRequests> Handle(Mine query, CancellationToken ct)
        {
            var mine = await session.Query<HelpRequest>().Where(r => r.VolunteerId == query.VolunteerId)
                .OrderByDescending(r => r.LoggedAt).ToListAsync(ct);
            // Hours come from the events: a request resolved, reopened and resolved again counts twice.
            var resolved = await session.Events.QueryRawEventDataOnly<RequestResolved>()
                .Where(e => e.VolunteerId == query.VolunteerId).ToListAsync(ct);
            return new MyRequests(mine.Where(r => r.IsActive).ToList(), mine.Where(r => !r.IsActive).ToList(), resolved.Sum(e => e.MinutesSpent));
        }

    }
}
