using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.Statistics;

public static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.Section))
            .Validate(o => o.ShowPreviousFor >= TimeSpan.Zero && o.ShowPreviousFor <= TimeSpan.FromHours(1), "Statistics:ShowPreviousFor must be between 0 and 1 hour.")
            .Validate(o => o.WarmUpEvery == TimeSpan.Zero || o.WarmUpEvery >= TimeSpan.FromSeconds(5), "Statistics:WarmUpEvery must be 0 (off) or at least 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton<FiguresCache>();
        services.AddSingleton<FiguresWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<FiguresWarmUp>());
        services.ConfigureMarten(options =>
        {
            // Async: the figures may trail the requests by a moment; nobody waits for them after a click.
            // Its columns for the SQL come from [StatisticsColumn] on RequestFacts.
            options.Projections.Snapshot<RequestFacts>(SnapshotLifecycle.Async);
        });
        return services;
    }
}
