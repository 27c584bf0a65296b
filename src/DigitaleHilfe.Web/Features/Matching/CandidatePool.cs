using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Matching;

// Every approved volunteer with profile and recent activity, held in memory between matchings: with 10,000
// volunteers reading and deserialising 30,000 documents took longer than the whole 50 ms a suggestion may
// take (docs/performance.md). One cheap query per use tells whether any account, profile or activity changed
// since (the latest write of each table, on an index of its own); then the pool is read again, once, for everyone
// waiting. A minute's age is the limit in any case, for a write whose transaction began before the last reading
// (its time is its transaction's start) and for rows deleted by hand (the app deletes none of these; counting the
// rows as well cost 4 ms a table with 10,000 volunteers, on every suggestion).
public sealed class CandidatePool(NpgsqlDataSource database, TimeProvider clock)
{
    public sealed record Member(Account Account, VolunteerProfile Profile, VolunteerActivity? Activity);

    private sealed record Snapshot(string Version, DateTimeOffset ReadAt, IReadOnlyList<Member> Members);

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private static readonly string Schema = PersistenceSetup.SchemaName;
    internal static readonly string VersionSql = $"""
        select coalesce((select max(mt_last_modified) from {Schema}.mt_doc_account where tenant_id = $1)::text, '') || '|' ||
               coalesce((select max(mt_last_modified) from {Schema}.mt_doc_volunteerprofile where tenant_id = $1)::text, '') || '|' ||
               coalesce((select max(mt_last_modified) from {Schema}.mt_doc_volunteeractivity where tenant_id = $1)::text, '')
        """;

    // One pool per town (a session's town decides which).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Snapshot> _snapshots = new();
    private readonly SemaphoreSlim _reading = new(1, 1);

    public async Task<IReadOnlyList<Member>> MembersAsync(IQuerySession session, CancellationToken ct)
    {
        var town = session.TenantId;
        var version = await VersionAsync(town, ct);
        if (Current(town, version) is { } fresh) return fresh.Members;
        await _reading.WaitAsync(ct);
        try
        {
            if (Current(town, version) is { } meanwhile) return meanwhile.Members;
            var batch = session.CreateBatchQuery();
            var accountsQuery = batch.Query<Account>().Where(a => a.Active && a.ApprovedAt != null && a.Roles.Contains(Role.Volunteer)).ToList();
            var profilesQuery = batch.Query<VolunteerProfile>().ToList();
            var activityQuery = batch.Query<VolunteerActivity>().ToList();
            await batch.Execute(ct);
            var profiles = (await profilesQuery).ToDictionary(p => p.Id);
            var activity = (await activityQuery).ToDictionary(a => a.Id);
            var members = (await accountsQuery)
                .Select(a => new Member(a, profiles.GetValueOrDefault(a.Id) ?? new VolunteerProfile(a.Id), activity.GetValueOrDefault(a.Id))).ToList();
            _snapshots[town] = new Snapshot(version, clock.GetUtcNow(), members);
            return members;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Snapshot? Current(string town, string version) =>
        _snapshots.TryGetValue(town, out var s) && s.Version == version && clock.GetUtcNow() - s.ReadAt < MaxAge ? s : null;

    private async Task<string> VersionAsync(string town, CancellationToken ct)
    {
        await using var command = database.CreateCommand(VersionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = town });
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
