using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// The request list's pager (issue 16: pages go by the last and first request shown), at 375 and 1280 px, with axe
// and screenshots (dh-request-pager-*.png), used with the keyboard.
[Collection(BrowserCollection.Name)]
public sealed class ListPagerTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task An_operator_pages_forward_back_and_to_the_last_page(int width)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            for (var i = 0; i < ListRequests.PageSize + 2; i++)
                await mediator.Send(new LogCall.Command
                {
                    CallerName = $"Person {i}", Phone = $"0631 {200000 + i}", Topic = "tablet", Description = "Hilfe", District = "innenstadt-ost",
                    HelpMode = "telefon", Consent = true,
                });
        }
        var page = await app.SignedInPageAsync(Role.Operator, width);

        await page.GotoAsync("/HelpRequests");
        (await page.Locator(".count").TextContentAsync()).ShouldBe("27 Anfragen");
        await Looks.RightAsync(page, "request-pager", width);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nächste Seite ›" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**after=**");
        (await page.Locator("table.requests tbody tr").CountAsync()).ShouldBe(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "‹ Vorherige Seite" }).ClickAsync();
        (await page.Locator("table.requests tbody tr").CountAsync()).ShouldBe(ListRequests.PageSize);
        await page.GetByRole(AriaRole.Link, new() { Name = "Letzte Seite »" }).ClickAsync();
        (await page.Locator("table.requests tbody tr").CountAsync()).ShouldBe(ListRequests.PageSize);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Nächste Seite ›" }).CountAsync()).ShouldBe(0);
    }
}
