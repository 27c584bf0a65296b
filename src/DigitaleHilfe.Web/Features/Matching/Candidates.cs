using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten.Events;

namespace DigitaleHilfe.Web.Features.Matching;

// Reads what matching needs about every approved volunteer in two round trips, however many
// volunteers there are: accounts, profiles and held requests in one batch, then the last 90 days of
// claims, assignments, releases and outcomes.
public static class Candidates
{
    private static readonly TimeSpan Recent = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<Candidate>> LoadAsync(IQuerySession session, Caller? caller, DateTimeOffset now, CancellationToken ct)
    {
        // One round trip for the documents, one for the recent events.
        var batch = session.CreateBatchQuery();
        var accountsQuery = batch.Query<Account>().Where(a => a.Active && a.ApprovedAt != null && a.Roles.Contains(Role.Volunteer)).ToList();
        var profilesQuery = batch.Query<VolunteerProfile>().ToList();
        var heldQuery = batch.Query<HelpRequest>().Where(r => r.VolunteerId != null).ToList();
        await batch.Execute(ct);
        var accounts = await accountsQuery;
        if (accounts.Count == 0) return [];
        var profiles = (await profilesQuery).ToDictionary(p => p.Id);
        var held = await heldQuery;
        var active = held.Where(r => r.IsActive).GroupBy(r => r.VolunteerId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var helpedWell = caller is null ? [] : held
            .Where(r => r.CallerId == caller.Id && r.Outcome is Outcome.Solved or Outcome.PartlySolved)
            .Select(r => r.VolunteerId!.Value).ToHashSet();

        var since = now - Recent;
        var recent = (await session.Events.QueryAllRawEvents()
                .Where(e => e.Timestamp > since)
                .Where(e => e.EventTypesAre(typeof(RequestClaimed), typeof(RequestAssigned), typeof(RequestReleased), typeof(RequestResolved)))
                .ToListAsync(ct))
            .Select(e => e.Data).ToList();
        var lastRequest = recent.OfType<RequestClaimed>().Select(e => (e.VolunteerId, At: e.ClaimedAt))
            .Concat(recent.OfType<RequestAssigned>().Select(e => (e.VolunteerId, At: e.AssignedAt)))
            .GroupBy(x => x.VolunteerId).ToDictionary(g => g.Key, g => g.Max(x => x.At));
        var setbacks = recent.OfType<RequestReleased>().Select(e => e.VolunteerId)
            .Concat(recent.OfType<RequestResolved>().Where(e => e.Outcome == Outcome.NoShow && e.VolunteerId != null).Select(e => e.VolunteerId!.Value))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        var today = DateOnly.FromDateTime(CityTime.Local(now).Date);
        return accounts.Select(a =>
        {
            var profile = profiles.GetValueOrDefault(a.Id) ?? new VolunteerProfile(a.Id);
            var days = lastRequest.TryGetValue(a.Id, out var last) ? (int)(now - last).TotalDays : 30;
            return new Candidate(a.Id, a.Name, profile, Approved: true, profile.IsPaused(today), active.GetValueOrDefault(a.Id), days,
                helpedWell.Contains(a.Id), caller?.NotAgain.Contains(a.Id) ?? false, setbacks.GetValueOrDefault(a.Id))
            {
                MayMeetInPerson = CertificateRules.MayMeetInPerson(a.Certificate, today),
            };
        }).ToList();
    }

    public static MatchRequest For(HelpRequest request, Caller? caller, Catalog.Catalog catalog) =>
        new(request.Topic, request.District, request.HelpMode, caller?.Language, PreferredTimes.Parse(request.PreferredTimes))
        {
            InPerson = catalog.IsInPerson(request.HelpMode),
        };
}
