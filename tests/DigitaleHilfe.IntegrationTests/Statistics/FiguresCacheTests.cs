using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Statistics;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Mediator;

namespace DigitaleHilfe.IntegrationTests.Statistics;

// The suite's app counts exactly on every change (Statistics:ShowPreviousFor 0); these tests run the
// production behaviour: the previous count is shown at once while a recount runs behind it.
public sealed class FiguresCacheTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Period Year = Period.OfYear(2026);

    private async Task LogRequestAsync(string town = Towns.First)
    {
        var id = Guid.NewGuid();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(town))
        {
            session.Events.StartStream<HelpRequest>(id, new HelpRequestOpened(id, $"2026-{Random.Shared.Next(100000, 999999)}", Guid.NewGuid(), "tablet", "…",
                "erfenbach", "telefon", null, false, "Hanna", new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero)));
            await session.SaveChangesAsync();
        }
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<PeriodFigures.Figures> ViewAsync(WebApplicationFactory<Program> app, Period period)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PeriodFigures.Query(period));
    }

    [Fact]
    public async Task After_a_change_the_previous_count_is_shown_at_once_and_the_recount_replaces_it_moments_later()
    {
        var app = App.Variant(("Statistics:ShowPreviousFor", "00:02:00"), ("Statistics:WarmUpEvery", "00:00:00"));
        await LogRequestAsync();
        var first = await ViewAsync(app, Year);
        first.RequestsLogged.ShouldBe(1);

        await LogRequestAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var shownAtOnce = await ViewAsync(app, Year);
        shownAtOnce.RequestsLogged.ShouldBe(1);
        shownAtOnce.CountedAt.ShouldBe(first.CountedAt);

        var until = DateTime.UtcNow.AddSeconds(10);
        var recounted = await ViewAsync(app, Year);
        while (recounted.RequestsLogged == 1 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
            recounted = await ViewAsync(app, Year);
        }
        recounted.RequestsLogged.ShouldBe(2);
        recounted.CountedAt.ShouldBe(App.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Events_of_another_town_leave_a_towns_count_standing_and_its_own_events_make_it_recount()
    {
        var app = App.Variant(("Statistics:ShowPreviousFor", "00:02:00"), ("Statistics:WarmUpEvery", "00:00:00"));
        await LogRequestAsync();
        var first = await ViewAsync(app, Year);

        await LogRequestAsync("andere-stadt");
        App.Clock.Advance(TimeSpan.FromMinutes(3));   // beyond ShowPreviousFor: a stale count would be recounted now
        (await ViewAsync(app, Year)).CountedAt.ShouldBe(first.CountedAt);

        await LogRequestAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var own = await ViewAsync(app, Year);
        own.RequestsLogged.ShouldBe(2);
        own.CountedAt.ShouldBe(App.Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_warm_up_leaves_a_changed_count_standing_until_it_would_be_too_old_to_show()
    {
        var app = App.Variant(("Statistics:ShowPreviousFor", "00:02:00"), ("Statistics:WarmUpEvery", "00:00:00"));
        var warmUp = app.Services.GetRequiredService<FiguresWarmUp>();
        await LogRequestAsync();
        await warmUp.WarmAsync(CancellationToken.None);
        var warmedAt = App.Clock.GetUtcNow();

        await LogRequestAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await warmUp.WarmAsync(CancellationToken.None);
        await Task.Delay(500);   // a recount started in the background would have replaced the count by now
        (await AheadAsync(app)).CountedAt.ShouldBe(warmedAt);

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await warmUp.WarmAsync(CancellationToken.None);
        var recounted = await AheadAsync(app);
        recounted.CountedAt.ShouldBe(App.Clock.GetUtcNow());
        recounted.RequestsLogged.ShouldBe(2);
    }

    private static async Task<PeriodFigures.Figures> AheadAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PeriodFigures.Query(Year, Ahead: true));
    }

    [Fact]
    public async Task A_count_older_than_the_allowed_time_is_not_shown_the_view_waits_for_the_recount()
    {
        var app = App.Variant(("Statistics:ShowPreviousFor", "00:02:00"), ("Statistics:WarmUpEvery", "00:00:00"));
        await LogRequestAsync();
        (await ViewAsync(app, Year)).RequestsLogged.ShouldBe(1);

        await LogRequestAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(3));

        (await ViewAsync(app, Year)).RequestsLogged.ShouldBe(2);
    }

    [Fact]
    public async Task The_warm_up_counts_this_month_quarter_and_year_before_anyone_opens_them()
    {
        var app = App.Variant(("Statistics:ShowPreviousFor", "00:02:00"), ("Statistics:WarmUpEvery", "00:00:00"));
        await LogRequestAsync();
        var warmedAt = App.Clock.GetUtcNow();

        await app.Services.GetRequiredService<FiguresWarmUp>().WarmAsync(CancellationToken.None);
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        foreach (var period in new[] { Period.OfMonth(2026, 11), Period.OfQuarter(2026, 4), Year })
            (await ViewAsync(app, period)).CountedAt.ShouldBe(warmedAt, period.Label);
        (await ViewAsync(app, Period.OfMonth(2026, 6))).CountedAt.ShouldBe(App.Clock.GetUtcNow(), "June was not warmed up");
    }
}
