using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using static Weasel.Postgresql.SchemaUtils;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Hands out the "Vorgangsnummer" a senior quotes when calling back: year-counter, e.g. 2026-0042.
// One row per year, incremented atomically in PostgreSQL, so any number of app nodes can log calls
// at once and numbers only ever go up. A call that fails after drawing a number leaves a gap, which
// is allowed; a duplicate is not, and the upsert below cannot produce one.
public sealed class RequestNumbers(NpgsqlDataSource dataSource)
{
    private const string TableName = "request_numbers";

    private static readonly string NextSql = $"""
        insert into {PersistenceSetup.SchemaName}.{TableName} as counter (year, last_number) values (@year, 1)
        on conflict (year) do update set last_number = counter.last_number + 1
        returning last_number
        """;

    public async Task<string> NextAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = CityTime.Local(now).Year;
        await using var command = dataSource.CreateCommand(NextSql);
        command.Parameters.AddWithValue("year", year);
        var next = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Format(year, next);
    }

    public static string Format(int year, int sequence) => $"{year}-{sequence:D4}";

    // Registered with Marten so the table is created and migrated with the rest of the schema.
    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(PersistenceSetup.SchemaName, TableName, IdentifierUsage.General));
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<int>("last_number").NotNull();
        return table;
    }
}
