using DigitaleHilfe.Web.Infrastructure.Persistence;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Towns;

// The towns as every node knows them: read from the database on first use and again at most every ten seconds
// (a town added by the command line on another machine is served by every node within that time), and at once
// after a change made through this node.
public sealed class TownDirectory(NpgsqlDataSource database, ILogger<TownDirectory> logger) : ITownDirectory
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    // The towns and their addresses, replaced together (every session asks for the addresses: built once per reading).
    private sealed record Snapshot(IReadOnlyList<Town> All, IReadOnlyList<TownAddress> Addresses);

    private volatile Snapshot? _towns;
    private long _loadedAt;
    private int _refreshing;

    public IReadOnlyList<TownAddress> Towns => Current.Addresses;

    public IReadOnlyList<Town> All => Current.All;

    private Snapshot Current
    {
        get
        {
            if (_towns is null) RefreshAsync().GetAwaiter().GetResult();
            else if (Environment.TickCount64 - Interlocked.Read(ref _loadedAt) > MaxAge.TotalMilliseconds && Interlocked.Exchange(ref _refreshing, 1) == 0)
                _ = Task.Run(async () =>
                {
                    try { await RefreshAsync(); }
                    catch (Exception e) { logger.LogWarning(e, "Reading the towns failed; the last known list stays in use."); }
                    finally { Interlocked.Exchange(ref _refreshing, 0); }
                });
            return _towns!;
        }
    }

    public Town? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    // The town of the work at hand; with no town named, the only one (a single-town installation), else none.
    public Town? ForWork() => TownContext.Id is { } id ? Find(id) : All.Count == 1 ? All[0] : null;

    public async Task RefreshAsync(CancellationToken cancellation = default)
    {
        var towns = await ReadAsync(cancellation);
        _towns = new Snapshot(towns, towns.Select(t => new TownAddress(t.Id, t.Hosts, t.SenderName, t.SenderAddress)).ToList());
        Interlocked.Exchange(ref _loadedAt, Environment.TickCount64);
    }

    private async Task<IReadOnlyList<Town>> ReadAsync(CancellationToken cancellation)
    {
        try
        {
            await using var command = database.CreateCommand($"select data from {PersistenceSetup.SchemaName}.mt_doc_town order by data ->> 'AddedAt', id");
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            var towns = new List<Town>();
            while (await reader.ReadAsync(cancellation))
                towns.Add(System.Text.Json.JsonSerializer.Deserialize<Town>(reader.GetString(0))!);
            return towns;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return []; // before the schema exists (a first start, db-apply not yet run)
        }
    }
}
