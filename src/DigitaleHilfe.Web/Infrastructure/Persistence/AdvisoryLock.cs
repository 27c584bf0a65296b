using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DigitaleHilfe.Web.Infrastructure.Persistence;

// PostgreSQL advisory locks held on a connection of their own until disposed. Every app node shares
// the database, so whatever runs under the same name runs one at a time across all nodes (the last
// admin, the failed sign-ins of one account, one reminder). A node that dies loses its connection and the locks with it.
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private AdvisoryLock(NpgsqlConnection connection) => _connection = connection;

    public static Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource database, string name, CancellationToken ct = default) =>
        AcquireAllAsync(database, [name], ct);

    // Several locks in one statement, always in the same order, so that two holders of overlapping sets wait
    // for each other instead of deadlocking.
    public static async Task<AdvisoryLock> AcquireAllAsync(NpgsqlDataSource database, IEnumerable<string> names, CancellationToken ct = default)
    {
        var keys = names.Select(KeyOf).Distinct().Order().ToArray();
        var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select count(pg_advisory_lock(k)) from unnest($1::bigint[]) as k", connection)
            {
                Parameters = { new() { Value = keys } },
            };
            await command.ExecuteNonQueryAsync(ct);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // The lock if it comes free within the wait, else null; asks again every 100 ms and never blocks a thread.
    public static async Task<AdvisoryLock?> TryAcquireAsync(NpgsqlDataSource database, string name, TimeSpan wait, CancellationToken ct = default)
    {
        var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = KeyOf(name) } } };
            for (var start = System.Diagnostics.Stopwatch.GetTimestamp(); ; await Task.Delay(100, ct))
            {
                if ((bool)(await command.ExecuteScalarAsync(ct))!) return new AdvisoryLock(connection);
                if (System.Diagnostics.Stopwatch.GetElapsedTime(start) >= wait) break;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);

    // Released explicitly: the app's pool hands connections back without a reset (PersistenceSetup). Should the unlock
    // itself fail on a connection that still looks healthy, the pool is emptied, so no pooled connection keeps a lock.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock_all()", _connection);
            await command.ExecuteNonQueryAsync();
        }
        catch
        {
            NpgsqlConnection.ClearPool(_connection);
            throw;
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
