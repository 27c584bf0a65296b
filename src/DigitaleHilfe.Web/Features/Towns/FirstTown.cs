using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using JasperFx;
using Marten.Schema;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Towns;

public sealed class FirstTownOptions
{
    public const string Section = "Towns:First";

    public const string DefaultId = "kl";

    public string Id { get; set; } = DefaultId;
    public string? Name { get; set; }
    public List<string> Hosts { get; set; } = [];
}

// The upgrade from one town to many, with no manual step: an installation without a town gets its first one (named
// from the configuration it already has), and whatever was written before the towns existed (Marten's default tenant)
// moves into that town, in one transaction. It runs at every start, after the schema is up to date and before the
// async daemon, so a crash halfway simply runs it again; with nothing left in the default tenant it changes nothing.
public sealed class FirstTown(
    NpgsqlDataSource database, TownDirectory towns, IOptions<FirstTownOptions> options,
    TimeProvider clock, ILogger<FirstTown> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await towns.RefreshAsync(cancellation);
        if (towns.All.Count == 0)
        {
            var first = options.Value;
            await using var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true });
            // Name, hotline and sender stay the installation's settings (Service, Smtp) until the town is given its own.
            session.Insert(new Town(first.Id, first.Name, first.Hosts, null, null, null, clock.GetUtcNow()));
            try { await session.SaveChangesAsync(cancellation); }
            catch (Exception e) when (UniqueViolation.Is(e)) { } // another node created it first
            await towns.RefreshAsync(cancellation);
            logger.LogInformation("First town {Town} created", first.Id);
        }
        await MoveDefaultTenantAsync(towns.All[0].Id, cancellation);
    }

    private async Task MoveDefaultTenantAsync(string townId, CancellationToken cancellation)
    {
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand(
            "select table_name from information_schema.columns where table_schema = @schema and column_name = 'tenant_id' " +
            "and table_name in (select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE')",
            connection, transaction))
        {
            find.Parameters.AddWithValue("schema", PersistenceSetup.SchemaName);
            await using var reader = await find.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) tables.Add(reader.GetString(0));
        }
        var pending = new List<string>();
        foreach (var table in tables)
        {
            await using var check = new NpgsqlCommand(
                $"select exists (select 1 from {PersistenceSetup.SchemaName}.\"{table}\" where tenant_id = @default)", connection, transaction);
            check.Parameters.AddWithValue("default", StorageConstants.DefaultTenantId);
            if ((bool)(await check.ExecuteScalarAsync(cancellation))!) pending.Add(table);
        }
        if (pending.Count == 0) return;

        // The events name their stream together with its tenant (a foreign key): it is set aside while both move and
        // put back after, which checks every row again.
        var keys = new List<(string Name, string Definition)>();
        await using (var find = new NpgsqlCommand(
            "select conname, pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and conrelid = @events::regclass",
            connection, transaction))
        {
            find.Parameters.AddWithValue("events", $"{PersistenceSetup.SchemaName}.mt_events");
            await using var reader = await find.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) keys.Add((reader.GetString(0), reader.GetString(1)));
        }
        if (!pending.Contains("mt_streams")) keys.Clear();
        foreach (var key in keys) await ExecuteAsync($"alter table {PersistenceSetup.SchemaName}.mt_events drop constraint \"{key.Name}\"");
        var moved = 0;
        foreach (var table in pending)
        {
            await using var update = new NpgsqlCommand(
                $"update {PersistenceSetup.SchemaName}.\"{table}\" set tenant_id = @town where tenant_id = @default", connection, transaction);
            update.Parameters.AddWithValue("town", townId);
            update.Parameters.AddWithValue("default", StorageConstants.DefaultTenantId);
            moved += await update.ExecuteNonQueryAsync(cancellation);
        }
        foreach (var key in keys)
            await ExecuteAsync($"alter table {PersistenceSetup.SchemaName}.mt_events add constraint \"{key.Name}\" {key.Definition}");
        await transaction.CommitAsync(cancellation);
        if (moved > 0) logger.LogInformation("Moved {Rows} rows written before the towns into town {Town}", moved, townId);

        async Task ExecuteAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
