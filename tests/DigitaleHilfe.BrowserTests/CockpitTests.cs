using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Statistics;
using Marten;
using JasperFx.Events.Daemon;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// Issue 15: the coordinators' cockpit and the annual report, at 375 and 1280 px, with axe and screenshots
// (dh-cockpit-*.png, dh-annual-report-*.png).
[Collection(BrowserCollection.Name)]
public sealed class CockpitTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var (topic, mode) in new[] { ("tablet", "telefon"), ("online-banking", "hausbesuch"), ("tablet", "video"), ("smartphone", "telefon") })
            await mediator.Send(new LogCall.Command
            {
                CallerName = "Erika Mustermann", Phone = $"0631 {Random.Shared.Next(100000, 999999)}", Topic = topic, Description = "Hilfe",
                District = "innenstadt-ost", HelpMode = mode, Consent = true, Address = "Fackelstraße 12, 67655 Kaiserslautern",
            });
        // Browser tests run no daemon: the statistics are built the way `projections rebuild` does it.
        using var daemon = await app.Services.GetRequiredService<IDocumentStore>().BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<RequestFacts>(CancellationToken.None);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task A_coordinator_reads_the_cockpit_changes_the_period_follows_a_link_and_downloads_the_csv(int width)
    {
        await SeedAsync();
        var page = await app.SignedInPageAsync(Role.Coordinator, width);

        await page.GotoAsync("/");
        await page.Locator("h1", new() { HasText = "Cockpit" }).WaitForAsync();
        (await page.Locator(".figures li").First.TextContentAsync()).ShouldNotBeNull().ShouldContain("4");
        (await page.Locator("figure.chart").CountAsync()).ShouldBe(3);
        (await page.Locator("figure.chart svg title").First.TextContentAsync()).ShouldNotBeNull().ShouldContain("Neue Anfragen pro Monat");
        await Looks.RightAsync(page, "cockpit", width);

        await page.GetByLabel("Zeitraum", new() { Exact = true }).SelectOptionAsync("Year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.Locator("h2", new() { HasText = $"Jahr {DateTime.UtcNow.Year}" }).WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Zahlen als CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("digitale-hilfe-zahlen-");
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("Kennzahl;Neue Anfragen;4");

        await page.GetByRole(AriaRole.Link, new() { Name = "übernommen, noch ohne Termin" }).ClickAsync();
        await page.WaitForURLAsync("**/HelpRequests?status=Claimed**");

        await page.GotoAsync($"/Statistik/Jahresbericht/{DateTime.UtcNow.Year}");
        await page.Locator("h1", new() { HasText = "Jahresbericht" }).WaitForAsync();
        await Looks.RightAsync(page, "annual-report", width);
    }

    [Fact]
    public async Task The_cockpit_works_without_javascript()
    {
        await SeedAsync();
        var page = await app.SignedInPageAsync(Role.Coordinator, javaScript: false);

        await page.GotoAsync("/Cockpit?Kind=Range&From=2020-01-01&To=2019-01-01");

        (await page.Locator(".error-summary, [role=alert]").First.TextContentAsync()).ShouldNotBeNull().ShouldContain("„Bis“ liegt vor „ab“.");
        (await page.Locator("figure.chart").CountAsync()).ShouldBe(3);
    }
}
