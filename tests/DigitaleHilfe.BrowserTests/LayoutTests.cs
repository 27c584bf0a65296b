using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// Issue 13, layout: the menu marks the page shown, at both widths, without widening the page.
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    // Cells holding one word whose text runs over more than one line: a word broken mid-word.
    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_menu_marks_the_page_shown_at_both_widths(int width)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            for (var i = 0; i < 3; i++)
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
                {
                    CallerName = $"Erika Mustermann-Langname {i}", Phone = $"0631 12345{i}", Topic = "online-banking", Description = "Überweisung",
                    District = "innenstadt-ost", HelpMode = "hausbesuch", Urgent = i == 0, Consent = true, Address = "Fackelstraße 12, 67655 Kaiserslautern",
                });
        var page = await app.SignedInPageAsync(Role.Coordinator, width);

        await page.GotoAsync("/HelpRequests");

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.Locator("nav a[aria-current=page]").TextContentAsync()).ShouldBe("Anfragen");
        (await page.Locator("link[rel=icon]").GetAttributeAsync("href")).ShouldNotBeNull();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"requests-{width}.png"), FullPage = true });

        await page.GotoAsync("/Coordination/Alerts");
        (await page.Locator("nav a[aria-current=page]").TextContentAsync()).ShouldBe("Hinweise");
    }
}
