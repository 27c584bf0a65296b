using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Matching;

// The best volunteers for a request, each with the reasons, for coordinators and invitations.
public static class Suggestions
{
    public sealed record ForRequest(Guid RequestId, int Take = 5) : IQuery<IReadOnlyList<Suggestion>?>;

    public sealed class Handler(IQuerySession session, CandidatePool pool, IOptions<MatchingOptions> options, Catalog.Catalog catalog, TimeProvider clock)
        : IQueryHandler<ForRequest, IReadOnlyList<Suggestion>?>
    {
        public async ValueTask<IReadOnlyList<Suggestion>?> Handle(ForRequest query, CancellationToken ct)
        {
            if (await session.LoadAsync<HelpRequest>(query.RequestId, ct) is not { } request) return null;
            var caller = request.CallerId is { } id ? await session.LoadAsync<Caller>(id, ct) : null;
            var candidates = await Candidates.LoadAsync(pool, session, caller, clock.GetUtcNow(), ct, request.HelpMode);
            return MatchScore.Rank(Candidates.For(request, caller, catalog), candidates.Where(c => c.VolunteerId != request.VolunteerId), options.Value, query.Take, catalog.TopicLabel);
        }
    }
}
