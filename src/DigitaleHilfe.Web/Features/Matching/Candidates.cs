using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;

namespace DigitaleHilfe.Web.Features.Matching;

// Reads what matching needs about every approved volunteer in a handful of queries, however many
// volunteers there are: accounts, profiles, open requests, and the last 90 days of claims,
// releases and outcomes.
public static class Candidates
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<Candidate>> LoadAsync(IQuerySession session, Caller? caller, DateTimeOffset now, CancellationToken ct)
    {
        var accounts = await session.Query<Account>()
            .Where(a => a.Active && a.ApprovedAt != null && a.Roles.Contains(Role.Volunteer)).ToListAsync(ct);
        if (accounts.Count == 0) return [];
        var ids = accounts.Select(a => a.Id).ToArray();
        var profiles = (await session.LoadManyAsync<VolunteerProfile>(ct, ids)).ToDictionary(p => p.Id);

        var held = await session.Query<HelpRequest>().Where(r => r.VolunteerId != null).ToListAsync(ct);
        var active = held.Where(r => r.IsActive).GroupBy(r => r.VolunteerId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var helpedWell = caller is null ? [] : held
            .Where(r => r.CallerId == caller.Id && r.Outcome is Outcome.Solved or Outcome.PartlySolved)
            .Select(r => r.VolunteerId!.Value).ToHashSet();

        var since = now - Recent;
        var claims = await session.Events.QueryRawEventDataOnly<RequestClaimed>().Where(e => e.ClaimedAt > since).ToListAsync(ct);
        var assigned = await session.Events.QueryRawEventDataOnly<RequestAssigned>().Where(e => e.AssignedAt > since).ToListAsync(ct);
        var lastRequest = claims.Select(e => (e.VolunteerId, At: e.ClaimedAt)).Concat(assigned.Select(e => (e.VolunteerId, At: e.AssignedAt)))
            .GroupBy(x => x.VolunteerId).ToDictionary(g => g.Key, g => g.Max(x => x.At));
        var releases = await session.Events.QueryRawEventDataOnly<RequestReleased>().Where(e => e.ReleasedAt > since).ToListAsync(ct);
        var noShows = await session.Events.QueryRawEventDataOnly<RequestResolved>()
            .Where(e => e.ResolvedAt > since && e.Outcome == Outcome.NoShow).ToListAsync(ct);
        var setbacks = releases.Select(e => e.VolunteerId).Concat(noShows.Where(e => e.VolunteerId != null).Select(e => e.VolunteerId!.Value))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        var today = DateOnly.FromDateTime(CityTime.Local(now).Date);
        return accounts.Select(a =>
        {
            var profile = profiles.GetValueOrDefault(a.Id) ?? new VolunteerProfile(a.Id);
            var days = lastRequest.TryGetValue(a.Id, out var last) ? (int)(now - last).TotalDays : 30;
            return new Candidate(a.Id, a.Name, profile, Approved: true, profile.IsPaused(today), active.GetValueOrDefault(a.Id), days,
                helpedWell.Contains(a.Id), caller?.NotAgain.Contains(a.Id) ?? false, setbacks.GetValueOrDefault(a.Id));
        }).ToList();
    }

    public static MatchRequest For(HelpRequest request, Caller? caller) =>
        new(request.Topic, request.District, request.HelpMode, caller?.Language, PreferredTimes.Parse(request.PreferredTimes));
}
