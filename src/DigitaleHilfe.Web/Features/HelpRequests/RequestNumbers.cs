using System.Collections.Concurrent;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using static Weasel.Postgresql.SchemaUtils;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Hands out the "Vorgangsnummer" a senior quotes when calling back: year-counter, e.g. 2026-0042.
// One PostgreSQL sequence per year: any number of app nodes can log calls at once, numbers only ever go up,
// and no call waits for another's (a counter row, as before, made parallel intakes queue behind its lock:
// 1.6 ms of every intake at 8 clients, docs/performance.md). A call that fails after drawing a number leaves a
// gap, which is allowed; a duplicate is not, and a sequence cannot produce one.
public sealed class RequestNumbers(NpgsqlDataSource dataSource)
{
    private const string TableName = "request_numbers";
    private static readonly string Schema = PersistenceSetup.SchemaName;
    private readonly ConcurrentDictionary<int, string> _sequences = new();

    // On the intake's own connection: one connection per intake instead of one per statement (docs/performance.md).
    // A sequence is not rolled back with the transaction, so a failed intake leaves a gap, as before.
    public async Task<string> NextAsync(DateTimeOffset now, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var year = CityTime.Local(now).Year;
        var sequence = _sequences.TryGetValue(year, out var known) ? known : await PrepareAsync(year, cancellationToken);
        await using var command = new NpgsqlCommand($"select nextval('{sequence}')", connection);
        var next = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Format(year, next);
    }

    public static string Format(int year, long sequence) => $"{year}-{sequence:D4}";

    // Once per year and process: the year's sequence exists, and never behind the counter table that numbered
    // requests before the sequences (an upgrade). Under a lock, so two nodes starting the year do it one by one;
    // setval only ever moves a fresh sequence forward, never one that already handed out numbers past the table.
    private async Task<string> PrepareAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        var sequence = $"{Schema}.request_number_{year}";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand($"""
            select pg_advisory_xact_lock(hashtext('request_numbers'));
            create sequence if not exists {sequence} minvalue 1 start 1;
            select setval('{sequence}', t.last_number)
              from {Schema}.{TableName} t, {sequence} s
             where t.year = {year} and t.last_number > (case when s.is_called then s.last_value else s.last_value - 1 end);
            """, connection, transaction))
            await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        _sequences[year] = sequence;
        return sequence;
    }

    // Registered with Marten so the table is created and migrated with the rest of the schema. It holds the
    // counters from before the sequences and is read once per year and node; tests and the load seed set it.
    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(Schema, TableName, IdentifierUsage.General));
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        return table;
    }
}
