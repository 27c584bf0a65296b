using DigitaleHilfe.Web.Features.Callers;
using Marten.Pagination;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class ListRequests
{
    public const int PageSize = 25;

    public sealed record Query(RequestStatus? Status = null, int Page = 1) : IQuery<ResultPage>;

    public sealed record ResultPage(
        IReadOnlyList<HelpRequest> Items, IReadOnlyDictionary<Guid, Caller> Callers, RequestStatus? Status, int Page, int PageSize,
        long TotalCount, long TotalPages)
    {
        public string CallerNameOf(HelpRequest r) =>
            r.CallerId is { } id && Callers.TryGetValue(id, out var caller) ? caller.Name : r.CallerName;

        public bool HasPrevious => Page > 1;
        public bool HasNext => Page < TotalPages;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Die Seitenzahl muss 1 oder größer sein.");
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, ResultPage>
    {
        public async ValueTask<ResultPage> Handle(Query query, CancellationToken cancellationToken)
        {
            IQueryable<HelpRequest> requests = session.Query<HelpRequest>();
            if (query.Status is { } status) requests = requests.Where(r => r.Status == status);

            // Newest first: the operator's usual question is "what came in today?".
            var page = await requests.OrderByDescending(r => r.LoggedAt)
                .ToPagedListAsync(Shared.Paging.Clamp(query.Page), PageSize, cancellationToken);
            var ct = cancellationToken;
            var callerIds = page.Where(r => r.CallerId is not null).Select(r => r.CallerId!.Value).Distinct().ToArray();
            var callers = callerIds.Length == 0 ? [] : await session.LoadManyAsync<Caller>(ct, callerIds);
            return new ResultPage(page.ToList(), callers.ToDictionary(c => c.Id), query.Status, Shared.Paging.Clamp(query.Page), PageSize,
                page.TotalItemCount, page.PageCount);
        }
    }
}
