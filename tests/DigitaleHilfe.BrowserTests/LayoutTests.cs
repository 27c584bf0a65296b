using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// Issue 13, layout: tables keep their words whole at every width, the menu marks the page shown.
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    // Cells holding one word whose text runs over more than one line: a word broken mid-word.
    // Words (no space or hyphen inside, where a line may end) whose letters run over more than one line.
    private const string BrokenWords = """
        () => {
            const broken = [];
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.parentElement.closest('td, th')) continue;
                for (const match of node.textContent.matchAll(/[^\s\-]{2,}/g)) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (tops.size > 1) broken.push(match[0]);
                }
            }
            return broken;
        }
        """;

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_request_list_keeps_its_words_whole_and_the_menu_marks_the_page(int width)
    {
        await using (var scope = app.Services.CreateAsyncScope())
            for (var i = 0; i < 3; i++)
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
                {
                    CallerName = $"Erika Mustermann-Langname {i}", Phone = $"0631 12345{i}", Topic = "online-banking", Description = "Überweisung",
                    District = "innenstadt-ost", HelpMode = "hausbesuch", Urgent = i == 0, Consent = true,
                });
        var page = await app.SignedInPageAsync(Role.Coordinator, width);

        await page.GotoAsync("/HelpRequests");

        (await page.EvaluateAsync<string[]>(BrokenWords)).ShouldBeEmpty();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await page.Locator("nav a[aria-current=page]").TextContentAsync()).ShouldBe("Anfragen");
        (await page.Locator("link[rel=icon]").GetAttributeAsync("href")).ShouldNotBeNull();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"requests-{width}.png"), FullPage = true });

        await page.GotoAsync("/Coordination/Alerts");
        (await page.Locator("nav a[aria-current=page]").TextContentAsync()).ShouldBe("Hinweise");
    }
}
