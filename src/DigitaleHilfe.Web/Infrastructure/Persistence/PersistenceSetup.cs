using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Npgsql;
using Weasel.Core;

namespace DigitaleHilfe.Web.Infrastructure.Persistence;

public static class PersistenceSetup
{
    public const string SchemaName = "digitalehilfe";

    public static IServiceCollection AddPersistence(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");

        // One data source for the whole process: Marten, health checks and raw SQL share its pool. A connection
        // goes back to the pool without Npgsql's DISCARD ALL, which PostgreSQL counts as a statement and a
        // transaction of its own on every use (a third of all commits an intake caused, docs/performance.md).
        // Nothing here leaves state on a connection: no SET, no LISTEN; advisory locks are released before
        // the connection goes back (AdvisoryLock), Marten drops its temporary tables before it makes them again.
        var pooled = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        services.AddSingleton(_ => NpgsqlDataSource.Create(pooled));

        var marten = services.AddMarten(options =>
            {
                options.DatabaseSchemaName = SchemaName;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Development and tests create and migrate the schema on the fly; production applies
                // changes deliberately with `db-apply` (see docs/operations.md).
                options.AutoCreateSchemaObjects = environment.IsProduction()
                    ? AutoCreate.None
                    : AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            // The async daemon runs subscriptions (the reminder planner). HotCold: every node may run
            // it, one at a time holds the lead (a PostgreSQL advisory lock), another takes over if it dies.
            .AddAsyncDaemon(configuration.GetValue("Marten:Daemon", DaemonMode.HotCold));

        // Outside production the schema (tables, indexes, the request number counter) is brought up to
        // date before the app serves its first request.
        if (!environment.IsProduction()) marten.ApplyAllDatabaseChangesOnStartup();

        return services;
    }
}
