using FluentValidation;
using Marten;
using Marten.Pagination;
using Mediator;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class ListRequests
{
    public const int PageSize = 25;

    public sealed record Query(RequestStatus? Status = null, int Page = 1) : IQuery<ResultPage>;

    public sealed record ResultPage(
        IReadOnlyList<HelpRequest> Items, RequestStatus? Status, int Page, int PageSize, long TotalCount, long TotalPages)
    {
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
                .ToPagedListAsync(query.Page, PageSize, cancellationToken);
            return new ResultPage(page.ToList(), query.Status, query.Page, PageSize, page.TotalItemCount, page.PageCount);
        }
    }
}
