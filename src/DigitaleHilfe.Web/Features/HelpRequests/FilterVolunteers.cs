using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Whom the list's "Betreut von" filter offers: the volunteers holding a running request (claimed or with an
// appointment), and the one already chosen (a link from elsewhere keeps its filter). It offered every volunteer of
// the town, read with every list page: with 10,000 volunteers the page sent 10,000 options and stopped answering
// under load (docs/performance.md).
public static class FilterVolunteers
{
    public sealed record Query(Guid? Selected) : IQuery<IReadOnlyList<Account>>;

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, IReadOnlyList<Account>>
    {
        public async ValueTask<IReadOnlyList<Account>> Handle(Query query, CancellationToken ct)
        {
            // A batch query, as in CandidateBatch: Marten's ToListAsync takes no nullable results.
            var batch = session.CreateBatchQuery();
            var running = batch.Query<HelpRequest>()
                .Where(r => r.VolunteerId != null && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled))
                .Select(r => r.VolunteerId).ToList();
            await batch.Execute(ct);
            var holding = await running;
            var ids = holding.Append(query.Selected).OfType<Guid>().Distinct().ToArray();
            if (ids.Length == 0) return [];
            return (await session.LoadManyAsync<Account>(ct, ids)).Where(a => a.Has(Role.Volunteer)).OrderBy(a => a.Name).ToList();
        }
    }
}
