using Marten.Pagination;

namespace DigitaleHilfe.Web.Features.Accounts;

public static class AccountQueries
{
    public const int PageSize = 50;

    public sealed record ListAccounts(bool PendingVolunteersOnly = false) : IQuery<IReadOnlyList<Account>>;

    public sealed record ListAudit(int Page = 1) : IQuery<IPagedList<AuditEntry>>;

    public sealed record GetAccount(Guid Id) : IQuery<Account?>;

    public sealed class Handler(IQuerySession session) :
        IQueryHandler<ListAccounts, IReadOnlyList<Account>>, IQueryHandler<ListAudit, IPagedList<AuditEntry>>, IQueryHandler<GetAccount, Account?>
    {
        public async ValueTask<Account?> Handle(GetAccount query, CancellationToken ct) => await session.LoadAsync<Account>(query.Id, ct);

        public async ValueTask<IReadOnlyList<Account>> Handle(ListAccounts query, CancellationToken ct)
        {
            IQueryable<Account> accounts = session.Query<Account>();
            if (query.PendingVolunteersOnly)
                accounts = accounts.Where(a => a.Roles.Contains(Role.Volunteer) && a.ApprovedAt == null && a.Active);
            return await accounts.OrderBy(a => a.Name).ToListAsync(ct);
        }

        public async ValueTask<IPagedList<AuditEntry>> Handle(ListAudit query, CancellationToken ct) =>
            await session.Query<AuditEntry>().OrderByDescending(e => e.At)
                .ToPagedListAsync(Shared.Paging.Clamp(query.Page), PageSize, ct);
    }
}
