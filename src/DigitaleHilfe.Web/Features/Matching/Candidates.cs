using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Matching;

// What matching needs about every approved volunteer: accounts, profiles and recent activity from the
// CandidatePool (in memory while nothing changed), plus two small indexed queries per use: who holds how many
// running requests, and whom this senior was helped well by before.
public static class Candidates
{
    public static async Task<IReadOnlyList<Candidate>> LoadAsync(CandidatePool pool, IQuerySession session, Caller? caller, DateTimeOffset now, CancellationToken ct)
    {
        var members = await pool.MembersAsync(session, ct);
        if (members.Count == 0) return [];
        var batch = session.CreateBatchQuery();
        var runningQuery = batch.Query<HelpRequest>()
            .Where(r => r.VolunteerId != null && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled)).Select(r => r.VolunteerId).ToList();
        var callerId = caller?.Id;
        var helpedQuery = batch.Query<HelpRequest>()
            .Where(r => r.CallerId == callerId && r.VolunteerId != null && (r.Outcome == Outcome.Solved || r.Outcome == Outcome.PartlySolved))
            .Select(r => r.VolunteerId).ToList();
        await batch.Execute(ct);
        var active = (await runningQuery).GroupBy(id => id!.Value).ToDictionary(g => g.Key, g => g.Count());
        var helpedWell = caller is null ? [] : (await helpedQuery).Select(id => id!.Value).ToHashSet();

        var since = now - VolunteerActivity.Recent;
        var today = DateOnly.FromDateTime(CityTime.Local(now).Date);
        return members.Select(m =>
        {
            var (account, profile, activity) = (m.Account, m.Profile, m.Activity);
            var days = activity?.LastRequestAt is { } last && last > since ? (int)(now - last).TotalDays : 30;
            return new Candidate(account.Id, account.Name, profile, Approved: true, profile.IsPaused(today), active.GetValueOrDefault(account.Id), days,
                helpedWell.Contains(account.Id), caller?.NotAgain.Contains(account.Id) ?? false, activity?.SetbacksSince(since) ?? 0)
            {
                MayMeetInPerson = CertificateRules.MayMeetInPerson(account.Certificate, today),
            };
        }).ToList();
    }

    public static MatchRequest For(HelpRequest request, Caller? caller, Catalog.Catalog catalog) =>
        new(request.Topic, request.District, request.HelpMode, caller?.Language, PreferredTimes.Parse(request.PreferredTimes))
        {
            InPerson = catalog.IsInPerson(request.HelpMode),
        };
}
