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
    public static async Task<IReadOnlyList<Candidate>> LoadAsync(
        CandidatePool pool, IQuerySession session, Caller? caller, DateTimeOffset now, CancellationToken ct, string? helpMode = null) =>
        (await CandidateBatch.LoadAsync(pool, session, caller is null ? [] : [caller.Id], now, ct)).For(caller, helpMode);

    public static MatchRequest For(HelpRequest request, Caller? caller, Catalog.Catalog catalog) =>
        new(request.Topic, request.District, request.HelpMode, caller?.Language, PreferredTimes.Parse(request.PreferredTimes))
        {
            InPerson = catalog.IsInPerson(request.HelpMode),
        };
}

// Matching for several requests at once (a job of invitations): the pool and who runs how many requests
// are read once, and "helped this senior well before" for all their seniors in one query. One round uses it, request
// after request (it is not shared between threads).
public sealed class CandidateBatch
{
    private readonly IReadOnlyList<CandidatePool.Member> _members;
    private readonly Dictionary<Guid, int> _running;
    private readonly ILookup<Guid, Guid> _helpedWell;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Guid, Account> _accounts;
    private readonly Dictionary<string, IReadOnlyList<Candidate>> _plain = [];

    private CandidateBatch(IReadOnlyList<CandidatePool.Member> members, Dictionary<Guid, int> running, ILookup<Guid, Guid> helpedWell, DateTimeOffset now)
    {
        (_members, _running, _helpedWell, _now) = (members, running, helpedWell, now);
        _accounts = members.ToDictionary(m => m.Account.Id, m => m.Account);
    }

    public static async Task<CandidateBatch> LoadAsync(CandidatePool pool, IQuerySession session, IReadOnlyCollection<Guid> callerIds, DateTimeOffset now, CancellationToken ct)
    {
        var members = await pool.MembersAsync(session, ct);
        if (members.Count == 0) return new CandidateBatch(members, [], Array.Empty<Guid>().ToLookup(g => g), now);
        var batch = session.CreateBatchQuery();
        var runningQuery = batch.Query<HelpRequest>()
            .Where(r => r.VolunteerId != null && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled)).Select(r => r.VolunteerId).ToList();
        var callers = callerIds.Distinct().Select(id => (Guid?)id).ToArray();
        var helpedQuery = batch.Query<HelpRequest>()
            .Where(r => r.CallerId.IsOneOf(callers) && r.VolunteerId != null && (r.Outcome == Outcome.Solved || r.Outcome == Outcome.PartlySolved))
            .Select(r => new HelpedBy(r.CallerId, r.VolunteerId)).ToList();
        await batch.Execute(ct);
        var running = (await runningQuery).GroupBy(id => id!.Value).ToDictionary(g => g.Key, g => g.Count());
        var helped = (await helpedQuery).Where(h => h.CallerId is not null && h.VolunteerId is not null).ToLookup(h => h.CallerId!.Value, h => h.VolunteerId!.Value);
        return new CandidateBatch(members, running, helped, now);
    }

    public sealed record HelpedBy(Guid? CallerId, Guid? VolunteerId);

    // An account from the pool: approved, active and at most as old as the pool (a minute, or the last change).
    public Account? Account(Guid volunteerId) => _accounts.GetValueOrDefault(volunteerId);

    // With a help mode: only the volunteers who offer it, the hard filter MatchScore applies first anyway, here before
    // a candidate is built for each of a town's volunteers (two in three offer no given mode).
    public IReadOnlyList<Candidate> For(Caller? caller, string? helpMode = null)
    {
        // Most seniors are new and have asked for nobody to be left out: their candidates depend on the way of helping alone,
        // so a round of invitations builds them once per way instead of once per request (an object per volunteer each
        // time: 4 % of all the app allocated at 50 intakes/s, docs/performance.md).
        var plain = caller is null || (caller.NotAgain.Count == 0 && !_helpedWell.Contains(caller.Id));
        if (plain && _plain.TryGetValue(helpMode ?? "", out var built)) return built;
        var candidates = Build(caller, helpMode);
        if (plain) _plain[helpMode ?? ""] = candidates;
        return candidates;
    }

    private IReadOnlyList<Candidate> Build(Caller? caller, string? helpMode)
    {
        var helpedWell = caller is null ? [] : _helpedWell[caller.Id].ToHashSet();
        var since = _now - VolunteerActivity.Recent;
        var today = DateOnly.FromDateTime(CityTime.Local(_now).Date);
        var members = helpMode is null ? _members : _members.Where(m => m.Profile.HelpModes.Contains(helpMode));
        return members.Select(m =>
        {
            var (account, profile, activity) = (m.Account, m.Profile, m.Activity);
            var days = activity?.LastRequestAt is { } last && last > since ? (int)(_now - last).TotalDays : 30;
            return new Candidate(account.Id, account.Name, profile, Approved: true, profile.IsPaused(today), _running.GetValueOrDefault(account.Id), days,
                helpedWell.Contains(account.Id), caller?.NotAgain.Contains(account.Id) ?? false, activity?.SetbacksSince(since) ?? 0)
            {
                MayMeetInPerson = CertificateRules.MayMeetInPerson(account.Certificate, today),
            };
        }).ToList();
    }
}
