using Npgsql;

namespace DigitaleHilfe.Web.Infrastructure.Persistence;

// Turns the event tables of a database from before the towns into Marten's conjoined form, ahead of Marten's own
// migration. Marten (9.58) can make the change itself but writes the new foreign key of mt_events twice in one
// script (once re-adding what the cascade of the streams' new primary key dropped, once as the table's own change),
// and PostgreSQL refuses the second: the start fails with 42710. Done here first, Marten finds nothing to change on
// these two tables. Does nothing on a fresh or an already converted database.
public sealed class ConjoinedEventTables(NpgsqlDataSource database, ILogger<ConjoinedEventTables> logger) : IHostedService
{
    private const string Schema = PersistenceSetup.SchemaName;

    public async Task StartAsync(CancellationToken cancellationToken) => await ConvertAsync(database, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task ConvertAsync(NpgsqlDataSource database, ILogger logger, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var check = new NpgsqlCommand(
            $"select exists (select 1 from pg_constraint where conname = 'pkey_mt_streams_id' and conrelid = to_regclass('{Schema}.mt_streams'))",
            connection, transaction))
            if (!(bool)(await check.ExecuteScalarAsync(ct))!) return;
        await using (var convert = new NpgsqlCommand($"""
            lock table {Schema}.mt_streams, {Schema}.mt_events in access exclusive mode;
            alter table {Schema}.mt_events drop constraint if exists fkey_mt_events_stream_id;
            alter table {Schema}.mt_streams drop constraint pkey_mt_streams_id;
            alter table {Schema}.mt_streams add constraint pkey_mt_streams_tenant_id_id primary key (tenant_id, id);
            alter table {Schema}.mt_events add constraint fkey_mt_events_stream_id_tenant_id
                foreign key (tenant_id, stream_id) references {Schema}.mt_streams (tenant_id, id);
            drop index if exists {Schema}.pk_mt_events_stream_and_version;
            create unique index pk_mt_events_stream_and_version on {Schema}.mt_events (tenant_id, stream_id, version);
            """, connection, transaction))
            await convert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Event tables converted for towns (conjoined tenancy)");
    }
}

