using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace DigitaleHilfe.Web.Infrastructure.Persistence;

// A PostgreSQL advisory lock held on a connection of its own until disposed. Every app node shares
// the database, so whatever runs under the same name runs one at a time across all nodes (the last
// admin, the failed sign-ins of one account). A node that dies loses its connection and the lock with it.
public sealed class AdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key) => (_connection, _key) = (connection, key);

    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlDataSource database, string name, CancellationToken ct = default)
    {
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
        var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteNonQueryAsync(ct);
            return new AdvisoryLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
