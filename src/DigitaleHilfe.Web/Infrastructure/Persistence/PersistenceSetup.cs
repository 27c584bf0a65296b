using DigitaleHilfe.Web.Infrastructure.Tenancy;
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

        services.AddSingleton<TownSessionFactory>();
        // One data source for the whole process: Marten, health checks and raw SQL share its pool.
        services.AddSingleton(_ => NpgsqlDataSource.Create(WithConnectionDefaults(connectionString)));

        var marten = services.AddMarten(options =>
            {
                options.DatabaseSchemaName = SchemaName;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Development and tests create and migrate the schema on the fly; production applies
                // changes deliberately with `db-apply` (see docs/operations.md).
                options.AutoCreateSchemaObjects = configuration.GetValue("Marten:AutoCreate", environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate);
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                // Every event and document belongs to a town (a Marten tenant, all in one database: docs/adr/0002).
                // A session opened without a town is refused rather than given Marten's shared default tenant.
                options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Advanced.DefaultTenantUsageEnabled = false;
            })
            .UseNpgsqlDataSource()
            .BuildSessionsWith<TownSessionFactory>()
            // The async daemon runs subscriptions (the reminder planner). HotCold: every node may run
            // it, one at a time holds the lead (a PostgreSQL advisory lock), another takes over if it dies.
            .AddAsyncDaemon(configuration.GetValue("Marten:Daemon", DaemonMode.HotCold));
        // A standby node asks for the leadership every two seconds (Marten's default is five): once a dead leader's
        // locks are gone (keepalives above), planning resumes on another node within a few seconds.
        var leadershipPoll = configuration.GetInRange("Marten:LeadershipPollingMilliseconds", 2000, 100, 60_000);
        services.ConfigureMarten(options => options.Projections.LeadershipPollingTime = leadershipPoll);
        // While events keep arriving the daemon looks for new ones once a second (Marten's default is every 250 ms): each
        // look gives every projection and the planner a page of its own, with connections and a commit each, so four
        // small pages a second cost a busy installation some two commits per intake for nothing; a reminder is planned
        // at most a second later (docs/performance.md). The tests look every 250 ms.
        var highWaterPoll = configuration.GetInRange("Marten:HighWaterPollingMilliseconds", 1000, 50, 10_000);
        services.ConfigureMarten(options => options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(highWaterPoll));

        // Ahead of Marten's start (its migration and initial data): the event tables of an installation from before the
        // towns are converted first (ConjoinedEventTables says why).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ConjoinedEventTables>());

        // Outside production the schema (tables, indexes, the request number counter) is brought up to
        // date before the app serves its first request.
        if (!environment.IsProduction()) marten.ApplyAllDatabaseChangesOnStartup();

        return services;
    }

    // Npgsql prepares a statement once it has run twice on a connection, unless the connection string sets
    // Max Auto Prepare itself, so PostgreSQL keeps what it parsed of Marten's append function instead of doing it anew
    // for every intake (intakes with eight clients 900 → 1,050/s, docs/performance.md).
    //
    // A connection goes back to the pool without Npgsql's reset, unless the connection string sets No Reset On Close
    // itself. The reset is seven statements (a transaction, so a commit) every time a connection is returned: about five
    // per intake with its background, a seventh of all statements and over a third of the commits (docs/performance.md).
    // What it would clear, the app never leaves behind: it sets no session settings (its own come with the connection
    // string and survive a reset anyway), listens to nothing, and uses no Marten feature that makes temporary tables
    // (bulk inserts, Include); its advisory locks are released explicitly (AdvisoryLock, and Marten's daemon through
    // Medallion's handles). A tool that bulk-inserts through the app (the load tool's seeder) asks for the reset.
    // Every execution is still planned for its
    // own values: a generic plan cannot see that a search term matches nothing and read all requests newest
    // first to find twenty (0.06 → 0.5 s), and Marten passes JSON keys as parameters, which no expression
    // index matches in a generic plan.
    //
    // PostgreSQL notices a node that died without closing its connections (power cut, network gone) only when TCP
    // says so: by default after about two hours. Until then the dead node's advisory locks stay held, the async
    // daemon's leadership among them, and no other node plans reminders (Marten PR #5304 reports 20-33 minutes of
    // that). Keepalive probes after 10 s of silence, every 5 s, three misses: a dead peer is dropped within about
    // 25 s (PostgreSQL's tcp_keepalives_* settings, user-settable per connection). A setting the connection string's
    // Options already make is left as it is.
    private static readonly (string Name, string Value)[] SessionDefaults =
        [("plan_cache_mode", "force_custom_plan"), ("tcp_keepalives_idle", "10"), ("tcp_keepalives_interval", "5"), ("tcp_keepalives_count", "3")];

    public static string WithConnectionDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Given(given, "NoResetOnClose")) builder.NoResetOnClose = true;
        var options = builder.Options ?? "";
        foreach (var (name, value) in SessionDefaults)
            if (!options.Contains(name, StringComparison.OrdinalIgnoreCase)) options += $" -c {name}={value}";
        builder.Options = options.Trim();
        return builder.ConnectionString;
    }

    private static bool Given(System.Data.Common.DbConnectionStringBuilder given, string key) =>
        given.Keys.Cast<string>().Any(k => k.Replace(" ", "").Equals(key, StringComparison.OrdinalIgnoreCase));

    // Hangfire's connections come from a pool of their own (its own connection string), also without the reset, whatever
    // the app's connection string says. Its SQL leaves nothing on a connection that a reset would clear: no temporary
    // tables, no advisory locks, no settings; LISTEN only with long polling, which is off.
    public static string ForJobStorage(string connectionString) =>
        new NpgsqlConnectionStringBuilder(WithConnectionDefaults(connectionString)) { NoResetOnClose = true }.ConnectionString;
}
