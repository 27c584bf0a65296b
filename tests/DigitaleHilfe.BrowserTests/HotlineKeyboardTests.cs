using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// The operator never touches the mouse: a new caller, then the same senior calling again.
[Collection(BrowserCollection.Name)]
public sealed class HotlineKeyboardTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_call_is_logged_keyboard_only_and_a_returning_caller_is_warned_about_the_open_request()
    {
        var page = await app.SignedInPageAsync(Role.Operator);
        await page.GotoAsync("/Intake");

        var first = await LogCallAsync(page, "0631 / 12 34 56", newCallerName: "Erika Mustermann");
        first.ShouldMatch(@"^\d{4}-\d{4,}$");

        // "Nächster Anruf" has the focus on the number screen: Enter opens a fresh form.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Intake");

        await page.WaitForFunctionAsync("document.activeElement?.id === 'Phone'");
        await page.Keyboard.TypeAsync("+49 631 123456");
        await page.Locator(".caller-matches").WaitForAsync();
        (await page.Locator(".caller-matches").TextContentAsync()).ShouldNotBeNull().ShouldContain("Erika Mustermann");
        await TabToAsync(page, "Topic");
        await page.Keyboard.TypeAsync("Online-Ba");
        var warning = page.Locator(".caller-matches .warning");
        await warning.WaitForAsync();
        (await warning.TextContentAsync()).ShouldNotBeNull()
            .ShouldContain($"Für diese Person gibt es bereits eine offene Anfrage zu Online-Banking ({first})");

        var second = await LogCallAsync(page, phone: null, newCallerName: null);
        second.ShouldNotBe(first);
        (await page.Locator(".done").TextContentAsync()).ShouldNotBeNull().ShouldContain("Erika Mustermann");
    }

    // Fills the form with the keyboard from wherever the focus is, saves with Ctrl+Enter and returns
    // the Vorgangsnummer from the screen that follows.
    private static async Task<string> LogCallAsync(IPage page, string? phone, string? newCallerName)
    {
        if (phone is not null)
        {
            // The cursor starts in the phone field.
            await page.WaitForFunctionAsync("document.activeElement?.id === 'Phone'");
            await page.Keyboard.TypeAsync(phone);
        }
        if (newCallerName is not null)
        {
            await TabToAsync(page, "CallerName");
            await page.Keyboard.TypeAsync(newCallerName);
            // A home visit needs the address; a returning caller's stored one is used.
            await TabToAsync(page, "Address");
            await page.Keyboard.TypeAsync("Fackelstraße 12, 67655 Kaiserslautern");
            await TabToAsync(page, "Topic");
            await page.Keyboard.TypeAsync("Online-Ba");
        }
        await TabToAsync(page, "Description");
        await page.Keyboard.TypeAsync("Die Banking-App fragt nach einem Code.");
        await TabToAsync(page, "District");
        await page.Keyboard.TypeAsync("Erfenbach");
        await TabToAsync(page, "HelpMode");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "Consent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Control+Enter");

        await page.WaitForURLAsync("**/Intake/Done/*");
        return (await page.Locator(".big-number").TextContentAsync())!.Trim();
    }

    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<string>("document.activeElement.id") == id) return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"#{id} cannot be reached with the Tab key.");
    }
}
