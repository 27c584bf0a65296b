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

        // One data source for the whole process: Marten, health checks and raw SQL share its pool. Npgsql resets a
        // connection (DISCARD ALL) when it goes back: a statement and a commit per opening, but Marten's bulk
        // insert leaves a temporary table behind that only the reset removes (docs/performance.md, tried and dropped).
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));

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
