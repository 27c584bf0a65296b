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

        // One data source for the whole process: Marten, health checks and raw SQL share its pool.
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithPreparedStatements(connectionString)));

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

    // Npgsql prepares a statement once it has run twice on a connection, unless the connection string sets
    // Max Auto Prepare itself. What that buys is mostly the reset: a connection going back to the pool with prepared statements
    // is reset without DISCARD ALL (temporary tables, advisory locks and settings are still dropped), so
    // PostgreSQL keeps what it parsed of Marten's append function instead of doing it anew for every intake
    // (intakes with eight clients 900 → 1,050/s, docs/performance.md). Every execution is still planned for its
    // own values: a generic plan cannot see that a search term matches nothing and read all requests newest
    // first to find twenty (0.06 → 0.5 s), and Marten passes JSON keys as parameters, which no expression
    // index matches in a generic plan.
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxAutoPrepare = 50;
        builder.AutoPrepareMinUsages = 2;
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        return builder.ConnectionString;
    }
}
