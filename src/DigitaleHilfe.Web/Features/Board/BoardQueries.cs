using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Mediator;

namespace DigitaleHilfe.Web.Features.Board;

public static class BoardQueries
{
    public sealed record OpenRequests(Guid VolunteerId, string? Topic, string? District, string? HelpMode) : IQuery<IReadOnlyList<HelpRequest>>;

    public sealed record Mine(Guid VolunteerId) : IQuery<MyRequests>;

    public sealed record MyRequests(IReadOnlyList<HelpRequest> Active, IReadOnlyList<HelpRequest> Finished, int MinutesSpent);

    public sealed class Handler(IQuerySession session) : IQueryHandler<OpenRequests, IReadOnlyList<HelpRequest>>, IQueryHandler<Mine, MyRequests>
    {
        public async ValueTask<IReadOnlyList<HelpRequest>> Handle(OpenRequests query, CancellationToken ct)
        {
            IQueryable<HelpRequest> open = session.Query<HelpRequest>().Where(r => r.Status == RequestStatus.Open);
            if (!string.IsNullOrEmpty(query.Topic)) open = open.Where(r => r.Topic == query.Topic);
            if (!string.IsNullOrEmpty(query.District)) open = open.Where(r => r.District == query.District);
            if (!string.IsNullOrEmpty(query.HelpMode)) open = open.Where(r => r.HelpMode == query.HelpMode);
            var requests = await open.OrderBy(r => r.LoggedAt).Take(200).ToListAsync(ct);

            var profile = await session.LoadAsync<VolunteerProfile>(query.VolunteerId, ct) ?? new VolunteerProfile(query.VolunteerId);
            // A simple order until the matching issue: what fits the profile, then urgent, then oldest.
            return requests.OrderByDescending(r => Fit(profile, r)).ThenByDescending(r => r.Urgent).ThenBy(r => r.LoggedAt).ToList();
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

        public static int Fit(VolunteerProfile profile, HelpRequest r) =>
            (profile.Topics.Contains(r.Topic) ? 2 : 0) + (profile.Districts.Contains(r.District) ? 1 : 0) + (profile.HelpModes.Contains(r.HelpMode) ? 1 : 0);
    }
}
