using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Shared;

// Where work waits, as numbers beside the menu entries: overdue callbacks for the hotline, volunteers
// waiting for approval and requests unclaimed for more than a day for coordinators. Three indexed counts,
// only for the roles that see the entries.
public sealed class MenuCounts(IQuerySession session, TimeProvider clock)
{
    public sealed record Counts(int OverdueCallbacks, int UnclaimedOverADay, int VolunteersWaiting);

    public async Task<Counts> ForAsync(bool hotline, bool coordination)
    {
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var overdue = hotline ? await session.Query<CallbackTask>().CountAsync(t => !t.Done && t.DueAt < now) : 0;
        var unclaimed = hotline ? await session.Query<HelpRequest>().CountAsync(r => r.Status == RequestStatus.Open && r.StatusSince < dayAgo) : 0;
        var waiting = coordination
            ? await session.Query<Account>().CountAsync(a => a.Active && a.EmailConfirmed && a.ApprovedAt == null && a.Roles.Contains(Role.Volunteer))
            : 0;
        return new Counts(overdue, unclaimed, waiting);
    }
}
