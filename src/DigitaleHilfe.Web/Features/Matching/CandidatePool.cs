using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Matching;

// Every approved volunteer with profile and recent activity, held in memory between matchings: with 10,000
// volunteers reading and deserialising 30,000 documents took longer than the whole 50 ms a suggestion may
// take (docs/performance.md). One cheap query per use tells whether any account, profile or activity changed
// since (row count and latest write of each table); then the pool is read again, once, for everyone waiting.
// A minute's age is the limit in any case, for a write whose transaction began before the last reading.
public sealed class CandidatePool(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Member(Account Account, VolunteerProfile Profile, VolunteerActivity? Activity);

    private sealed record Snapshot(string Version, DateTimeOffset ReadAt, IReadOnlyList<Member> Members);

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private static readonly string Schema = PersistenceSetup.SchemaName;
    private static readonly string VersionSql = $"""
        select (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {Schema}.mt_doc_account) || '|' ||
               (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {Schema}.mt_doc_volunteerprofile) || '|' ||
               (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {Schema}.mt_doc_volunteeractivity)
        """;

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _reading = new(1, 1);

    public async Task<IReadOnlyList<Member>> MembersAsync(IQuerySession session, CancellationToken ct)
    {
        var version = await VersionAsync(ct);
        if (Current(version) is { } fresh) return fresh.Members;
        await _reading.WaitAsync(ct);
        try
        {
            if (Current(version) is { } meanwhile) return meanwhile.Members;
            var batch = session.CreateBatchQuery();
            var accountsQuery = batch.Query<Account>().Where(a => a.Active && a.ApprovedAt != null && a.Roles.Contains(Role.Volunteer)).ToList();
            var profilesQuery = batch.Query<VolunteerProfile>().ToList();
            var activityQuery = batch.Query<VolunteerActivity>().ToList();
            await batch.Execute(ct);
            var profiles = (await profilesQuery).ToDictionary(p => p.Id);
            var activity = (await activityQuery).ToDictionary(a => a.Id);
            var members = (await accountsQuery)
                .Select(a => new Member(a, profiles.GetValueOrDefault(a.Id) ?? new VolunteerProfile(a.Id), activity.GetValueOrDefault(a.Id))).ToList();
            _snapshot = new Snapshot(version, clock.GetUtcNow(), members);
            return members;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Snapshot? Current(string version) =>
        _snapshot is { } s && s.Version == version && clock.GetUtcNow() - s.ReadAt < MaxAge ? s : null;

    private async Task<string> VersionAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(VersionSql);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
