using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.Web.Features.Coordination;

// What a coordinator needs to know about each volunteer on one page: what they offer, how busy they are,
// when they were last active, their certificate and their hours this year. Three round trips in all.
public static class VolunteerOverview
{
    public sealed record Query : IQuery<Page>;

    public sealed record Row(Account Account, VolunteerProfile Profile, int Active, DateTimeOffset? LastActivity, int MinutesThisYear);

    public sealed record Page(IReadOnlyList<Row> Waiting, IReadOnlyList<Row> Approved, IReadOnlyList<Row> Inactive, DateOnly Today);

    public sealed class Handler(IQuerySession session, TimeProvider clock) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var local = CityTime.Local(now);
            var yearStart = CityTime.FromLocal(new DateTime(local.Year, 1, 1));
            var batch = session.CreateBatchQuery();
            var accountsQuery = batch.Query<Account>().Where(a => a.Roles.Contains(Role.Volunteer)).ToList();
            var profilesQuery = batch.Query<VolunteerProfile>().ToList();
            var heldQuery = batch.Query<HelpRequest>()
                .Where(r => r.VolunteerId != null && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled)).ToList();
            await batch.Execute(ct);
            var profiles = (await profilesQuery).ToDictionary(p => p.Id);
            var active = (await heldQuery).GroupBy(r => r.VolunteerId!.Value).ToDictionary(g => g.Key, g => g.Count());
            // Hours from the events, as on "Meine Anfragen": a request resolved twice counts twice.
            var resolved = await session.Events.QueryRawEventDataOnly<RequestResolved>()
                .Where(e => e.VolunteerId != null && e.ResolvedAt >= yearStart).ToListAsync(ct);
            var minutes = resolved.GroupBy(e => e.VolunteerId!.Value).ToDictionary(g => g.Key, g => g.Sum(e => e.MinutesSpent));
            var lastWork = resolved.GroupBy(e => e.VolunteerId!.Value).ToDictionary(g => g.Key, g => g.Max(e => e.ResolvedAt));

            var rows = (await accountsQuery).OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new Row(a,
                profiles.GetValueOrDefault(a.Id) ?? new VolunteerProfile(a.Id), active.GetValueOrDefault(a.Id),
                Latest(a.LastSignInAt, lastWork.TryGetValue(a.Id, out var w) ? w : null), minutes.GetValueOrDefault(a.Id))).ToList();
            return new Page(
                rows.Where(r => r.Account is { Active: true, IsApproved: false }).ToList(),
                rows.Where(r => r.Account is { Active: true, IsApproved: true }).ToList(),
                rows.Where(r => !r.Account.Active).ToList(),
                DateOnly.FromDateTime(local.Date));
        }

        private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a > b || b is null ? a : b;
    }
}
