using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Statistics;

// Counts this month, this quarter and this year ahead of the coordinators, so that opening the cockpit or the
// year view finds figures at most Statistics:WarmUpEvery old instead of waiting for a recount (FiguresCache).
// Unchanged figures cost one small query per period.
public sealed class FiguresWarmUp(IServiceScopeFactory scopes, ITownDirectory towns, TimeProvider clock, IOptions<StatisticsOptions> options, ILogger<FiguresWarmUp> logger)
    : BackgroundService
{
    public async Task WarmAsync(CancellationToken ct)
    {
        foreach (var town in towns.Towns)
            using (TownContext.Enter(town.Id))
                await WarmTownAsync(ct);
    }

    private async Task WarmTownAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(CityTime.Local(clock.GetUtcNow()).DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var period in new[] { Period.OfMonth(today.Year, today.Month), Period.OfQuarter(today.Year, (today.Month - 1) / 3 + 1), Period.OfYear(today.Year) })
            await mediator.Send(new PeriodFigures.Query(period, Ahead: true), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WarmUpEvery <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.WarmUpEvery);
        do
        {
            try
            {
                await WarmAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting; the next round tries again, and a viewer still gets figures.
                logger.LogWarning(e, "Counting the statistics ahead failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
