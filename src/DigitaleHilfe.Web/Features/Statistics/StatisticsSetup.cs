using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.Statistics;

public static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<FiguresCache>();
        services.ConfigureMarten(options =>
        {
            // Async: the figures may trail the requests by a moment; nobody waits for them after a click.
            options.Projections.Snapshot<RequestFacts>(SnapshotLifecycle.Async);
            // Columns of their own, so that a year's figures are one SQL aggregate over plain columns
            // (PeriodFigures) instead of reading 100,000 JSON documents.
            options.Schema.For<RequestFacts>()
                .Duplicate(f => f.LoggedAt).Duplicate(f => f.Channel).Duplicate(f => f.Topic).Duplicate(f => f.District)
                .Duplicate(f => f.HelpMode).Duplicate(f => f.CallerId).Duplicate(f => f.Outcome).Duplicate(f => f.MinutesSpent)
                .Duplicate(f => f.Reopens).Duplicate(f => f.FollowUpAllGood).Duplicate(f => f.ResolvedBy)
                .Duplicate(f => f.MinutesToFirstClaim).Duplicate(f => f.MinutesToResolution).Duplicate(f => f.FirstResolvedAt);
        });
        return services;
    }
}
