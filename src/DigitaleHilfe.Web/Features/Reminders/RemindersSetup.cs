using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

public static class RemindersSetup
{
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => new[]
                {
                    o.AppointmentReminderBefore, o.UnclaimedEscalationAfter, o.UnclaimedWidenAfter, o.StaleClaimNudgeAfter,
                    o.ClaimExpiresAfterNudge, o.MissingOutcomeAfter, o.FollowUpAfter, o.FollowUpLinkLifetime, o.ImmediateStaleAfter,
                }.All(t => t >= TimeSpan.Zero), "Reminders: delays must not be negative.")
            .Validate(o => o.DispatchInterval > TimeSpan.Zero && o.DispatchLease > TimeSpan.Zero && o.DispatchBatchSize > 0,
                "Reminders:DispatchInterval, DispatchLease and DispatchBatchSize must be positive.")
            .Validate(o => o.DispatchGather >= TimeSpan.Zero, "Reminders:DispatchGather must not be negative.")
            .Validate(o => o.SendHereUpTo is >= 0 and <= 1000, "Reminders:SendHereUpTo must be between 0 and 1000.")
            // The dispatch round waits for its signal at most this long; longer waits throw in SemaphoreSlim.
            .Validate(o => o.DispatchInterval.TotalMilliseconds <= int.MaxValue && o.DispatchGather.TotalMilliseconds <= int.MaxValue,
                "Reminders:DispatchInterval and DispatchGather must be at most 24 days.")
            .Validate(o => o.RetryDelays.All(d => d > TimeSpan.Zero), "Reminders:RetryDelays must be positive.")
            .ValidateOnStart();

        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<ReminderText>();
        services.AddSingleton<VolunteerReminders>();
        services.AddSingleton<SeniorReminders>();
        services.AddSingleton<CoordinatorReminders>();
        services.AddSingleton<ReminderContent>();
        services.AddScoped<DispatchReminders>();
        services.AddScoped<SendReminder>();
        services.AddScoped<SendReminders>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<WeeklyDigestRound>();
        services.ConfigureMarten((provider, options) =>
        {
            options.Events.Subscribe(provider.GetRequiredService<ReminderPlanner>());
            options.Events.AddEventType<ReminderSent>();
            options.Events.AddEventType<FollowUpAnswered>();
            options.Schema.For<PlannedReminder>().Index(p => p.DueAt).Index(p => p.RequestId);
            options.Schema.For<UndeliverableEmail>().Index(u => u.At);
            // Every document type is named here, not only those with indexes: production creates tables only
            // through db-apply, which knows the registered types alone (scripts/cluster.sh found these missing).
            options.Schema.For<ReminderDelivery>();
            options.Schema.For<FollowUpLink>();
            options.Schema.For<DigestSent>();
        });

        // Only nodes that run jobs look for due reminders and keep the weekly digest scheduled.
        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            services.AddHostedService<ReminderClock>();
            services.AddHostedService<DigestSchedule>();
        }
        return services;
    }
}

// The digest's recurring job belongs to no town: it hands each town its own digest job, which runs in that town
// (its coordinators, its figures, its sender) and retries on its own when that town's mail fails.
public sealed class WeeklyDigestRound(ITownDirectory towns, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Wochenübersicht: je Ort einen Auftrag")]
    public void Run()
    {
        foreach (var town in towns.Towns)
            using (TownContext.Enter(town.Id))
                jobs.Enqueue<WeeklyDigest>(d => d.RunAsync());
    }
}

// Registers (or updates) the weekly digest as a Hangfire recurring job with a fixed id.
public sealed class DigestSchedule(IRecurringJobManager jobs, IOptions<ReminderOptions> options) : IHostedService
{
    public const string JobId = "weekly-digest";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            jobs.AddOrUpdate<WeeklyDigestRound>(JobId, d => d.Run(), options.Value.DigestCron,
                new RecurringJobOptions { TimeZone = Shared.CityTime.Zone });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"Reminders:DigestCron \"{options.Value.DigestCron}\" is not a cron expression Hangfire understands (e.g. \"0 7 * * 1\").", e);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
