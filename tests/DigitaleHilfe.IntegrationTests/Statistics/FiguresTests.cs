using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Statistics;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Statistics;

public sealed class FiguresTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Period[] Periods =
    [
        Period.OfYear(2026), Period.OfMonth(2026, 3), Period.OfQuarter(2026, 4), new(new DateOnly(2026, 2, 14), new DateOnly(2026, 8, 1)), Period.OfYear(2025),
    ];

    private async Task<IReadOnlyList<(Guid Id, object[] Events)>> SeedAsync()
    {
        var streams = RandomHistories.Generate(seed: 2026, requests: 400, callers: 90, volunteers: 12);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(Towns.First))
        {
            foreach (var (id, events) in streams) session.Events.StartStream<HelpRequest>(id, events);
            await session.SaveChangesAsync();
        }
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return streams;
    }

    private static string Json(object o) => JsonSerializer.Serialize(o);

    [Fact]
    public async Task Every_figure_of_a_random_year_equals_a_recount_of_the_raw_events()
    {
        var streams = await SeedAsync();
        var events = streams.SelectMany(s => s.Events.Select(e => (s.Id, e))).GroupBy(x => x.Id, x => x.e).ToList();

        foreach (var period in Periods)
        {
            var figures = await App.SendAsync(new PeriodFigures.Query(period));
            Json(figures).ShouldBe(Json(Recount.Of(events, period)), period.Label);
        }
        (await App.SendAsync(new PeriodFigures.Query(Period.OfYear(2026)))).RequestsLogged.ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task Rebuilding_the_statistics_from_the_events_gives_identical_documents()
    {
        await SeedAsync();
        // The seeded open requests owe invitations: their rounds append events that move the facts on. They are done
        // before the comparison starts, so that the live facts and the rebuilt ones come from the same events.
        await App.SettleRemindersAsync();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        async Task<Dictionary<Guid, string>> AllFactsAsync()
        {
            await using var session = store.QuerySession(Towns.First);
            return (await session.Query<RequestFacts>().ToListAsync()).ToDictionary(f => f.Id, Json);
        }
        var before = await AllFactsAsync();

        // Through the app's own running daemon, which stops its live shard for the rebuild. A second daemon beside
        // it (as this test had) races the live shard for the same documents and progress row.
        var daemon = App.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync<RequestFacts>(CancellationToken.None);

        var after = await AllFactsAsync();
        after.Count.ShouldBe(before.Count);
        // Named fact by fact: a message of two whole lists is cut off long before the one that differs.
        before.Where(f => after.GetValueOrDefault(f.Key) != f.Value).Select(f => $"{f.Value}\n  rebuilt: {after.GetValueOrDefault(f.Key)}")
            .ShouldBeEmpty();
        Json(await App.SendAsync(new PeriodFigures.Query(Period.OfYear(2026)))).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Figures_shown_once_are_recounted_as_soon_as_the_statistics_move_on()
    {
        await SeedAsync();
        var before = await App.SendAsync(new PeriodFigures.Query(Period.OfYear(2026)));
        var id = Guid.NewGuid();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(Towns.First))
        {
            session.Events.StartStream<HelpRequest>(id, new HelpRequestOpened(id, "2026-9999", Guid.NewGuid(), "tablet", "…", "erfenbach", "telefon", null, false, "Hanna",
                new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero)));
            await session.SaveChangesAsync();
        }
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        (await App.SendAsync(new PeriodFigures.Query(Period.OfYear(2026)))).RequestsLogged.ShouldBe(before.RequestsLogged + 1);
    }
}
