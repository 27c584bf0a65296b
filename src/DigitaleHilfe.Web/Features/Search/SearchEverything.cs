using System.Text.RegularExpressions;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Search;

// One search box for the hotline: a Vorgangsnummer, a name, or any part of a phone number.
public static partial class SearchEverything
{
    public sealed record Query(string? Term) : IQuery<Result>;

    public sealed record Result(string Term, IReadOnlyList<Caller> Callers, IReadOnlyList<HelpRequest> Requests);

    public sealed class Handler(IQuerySession session, IMediator mediator) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var term = (query.Term ?? "").Trim();
            if (term.Length == 0) return new Result(term, [], []);

            var callers = await mediator.Send(new SearchCallers.Query(term), ct);
            var requests = new List<HelpRequest>();
            if (NumberLike().IsMatch(term))
                requests.AddRange(await session.Query<HelpRequest>().Where(r => r.Number.Contains(term))
                    .OrderByDescending(r => r.LoggedAt).Take(20).ToListAsync(ct));
            var callerIds = callers.Select(c => c.Id).ToArray();
            if (callerIds.Length > 0)
                requests.AddRange(await session.Query<HelpRequest>().Where(r => r.CallerId.In(callerIds.Cast<Guid?>().ToArray()))
                    .OrderByDescending(r => r.LoggedAt).Take(50).ToListAsync(ct));
            return new Result(term, callers, requests.DistinctBy(r => r.Id).ToList());
        }
    }

    // "2026-0042", "2026-", "0042", "2026-100000": looks like (part of) a Vorgangsnummer (the counter has no upper bound).
    [GeneratedRegex(@"^(\d{4}-\d{0,7}|\d{1,7})$")]
    private static partial Regex NumberLike();
}
