using Hangfire;
using Hangfire.PostgreSql;

namespace DigitaleHilfe.Web.Infrastructure;

public static class BackgroundJobsSetup
{
    public const string DashboardPath = "/jobs";

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres")!;
        // Shorter would renew every few seconds for nothing; longer leaves a dead node's work waiting.
        var invisibility = configuration.GetInRange("Hangfire:InvisibilityTimeout", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        // Hangfire's own locks (the schedule poller's, the recurring jobs', a job's state changes) are rows that a killed
        // node leaves behind; another node removes one once it is this old. Hangfire.PostgreSql's 10 minutes stopped
        // scheduled jobs and retries for as long after a kill, and every node's stop waited 15 s for its schedule poller
        // meanwhile (the two-node check). Those locks are held for milliseconds, and the app takes none of its own.
        var locks = configuration.GetInRange("Hangfire:DistributedLockTimeout", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(Persistence.PersistenceSetup.ForJobStorage(connectionString)),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // Reminders are due in minutes and hours; a job should start seconds after it is due.
                    QueuePollInterval = configuration.GetValue("Hangfire:QueuePollInterval", TimeSpan.FromSeconds(5)),
                    // A long-running job keeps its lease instead of being handed to a second worker.
                    UseSlidingInvisibilityTimeout = true,
                    // A running job's lease is renewed every fifth of this; a job of a node that died is taken up by
                    // another node this long after its last renewal (Hangfire's 30 minutes held a killed node's
                    // reminders back for as long).
                    InvisibilityTimeout = invisibility,
                    DistributedLockTimeout = locks,
                }));

        if (configuration.GetValue("Hangfire:Server:Enabled", true))
            services.AddHangfireServer(server =>
            {
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                server.WorkerCount = configuration.GetValue("Hangfire:Server:WorkerCount", 2);
            });
        return services;
    }

    public static WebApplication MapBackgroundJobsDashboard(this WebApplication app)
    {
        // Access is decided by the endpoint's policy (coordinators and admins, signed in with the
        // cookie); Hangfire's own filter list is emptied so it does not second-guess that.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [],
                DashboardTitle = "DigitaleHilfe – Hintergrundaufgaben",
                AppPath = "/",
            })
            .RequireAuthorization(Policies.JobsDashboard);
        return app;
    }
}
