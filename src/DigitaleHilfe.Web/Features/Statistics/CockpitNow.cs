using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.Web.Features.Statistics;

// What needs a person today, live from the requests (not from the statistics, which may trail a moment).
public static class CockpitNow
{
    public sealed record Query : IQuery<Now>;

    public sealed record Attention(string What, int Count, string Link);

    public sealed record Now(IReadOnlyList<(RequestStatus Status, int Count)> ByStatus, IReadOnlyList<Attention> Items, IReadOnlyList<HelpRequest> OldestUnclaimed);

    public sealed class Handler(IQuerySession session, TimeProvider clock) : IQueryHandler<Query, Now>
    {
        public async ValueTask<Now> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var dayAgo = now.AddDays(-1);
            var endOfDay = Shared.CityTime.FromLocal(Shared.CityTime.Local(now).Date.AddDays(1)).ToUniversalTime();
            var byStatus = new List<(RequestStatus, int)>();
            // The statuses that still need someone (indexed counts); totals of finished ones are the statistics' business.
            foreach (var status in new[] { RequestStatus.Open, RequestStatus.Claimed, RequestStatus.Scheduled })
                byStatus.Add((status, await session.Query<HelpRequest>().CountAsync(r => r.Status == status, ct)));
            var unclaimed = session.Query<HelpRequest>().Where(r => r.Status == RequestStatus.Open && r.StatusSince < dayAgo);
            var items = new List<Attention>
            {
                new("seit über einem Tag nicht übernommen", await unclaimed.CountAsync(ct), "~/HelpRequests?status=Open&olderThanDays=1&sort=Waiting"),
                new("übernommen, noch ohne Termin", byStatus.Single(s => s.Item1 == RequestStatus.Claimed).Item2, "~/HelpRequests?status=Claimed&sort=Waiting"),
                new("Termin vorbei, noch kein Ergebnis",
                    await session.Query<HelpRequest>().CountAsync(r => r.Status == RequestStatus.Scheduled && r.Appointment!.At < now, ct),
                    "~/HelpRequests?status=Scheduled&appointmentPassed=true&sort=Waiting"),
                new("Rückrufe heute fällig oder überfällig", await session.Query<CallbackTask>().CountAsync(t => !t.Done && t.DueAt < endOfDay, ct), "~/Callbacks"),
                new("nicht zugestellte E-Mails", await session.Query<UndeliverableEmail>().CountAsync(u => u.DismissedAt == null, ct), "~/Emails/Undeliverable"),
                new("Helfende warten auf Freigabe",
                    await session.Query<Account>().CountAsync(a => a.Active && a.EmailConfirmed && a.ApprovedAt == null && a.Roles.Contains(Role.Volunteer), ct),
                    "~/Coordination/Volunteers"),
            };
            var oldest = await unclaimed.OrderBy(r => r.StatusSince).Take(5).ToListAsync(ct);
            return new Now(byStatus, items, oldest);
        }
    }
}
