using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// Issue 14: the privacy section of a senior's page, the Art. 15 export, an erased senior and request,
// and "Meine gespeicherten Daten", at 375 and 1280 px, with axe and screenshots (dh-privacy-*.png).
[Collection(BrowserCollection.Name)]
public sealed class PrivacyPagesTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<LogCall.Result> LogAsync(string name = "Erika Mustermann")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
        {
            CallerName = name, Phone = $"0631 {Random.Shared.Next(100000, 999999)}", Topic = "online-banking", Description = "Die Banking-App fragt nach einem Code.",
            District = "innenstadt-ost", HelpMode = "hausbesuch", Consent = true, Address = "Fackelstraße 12, 67655 Kaiserslautern", Email = "erika@example.org",
        });
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task A_coordinator_reads_the_export_and_erases_a_senior(int width)
    {
        var logged = await LogAsync();
        var page = await app.SignedInPageAsync(Role.Coordinator, width);

        await page.GotoAsync($"/Callers/{logged.CallerId}");
        await Looks.RightAsync(page, "privacy-caller", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Auskunft nach Art. 15 DSGVO anzeigen" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Auskunft über gespeicherte Daten" }).WaitForAsync();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Fackelstraße 12");
        await Looks.RightAsync(page, "privacy-export", width);

        await page.GotoAsync($"/Callers/{logged.CallerId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await page.Locator(".field-error", new() { HasText = "Bitte bestätigen Sie, dass alle Daten endgültig gelöscht werden sollen." }).WaitForAsync();
        await page.GetByLabel("Grund *").FillAsync("Anruf der Person, möchte gelöscht werden");
        await page.GetByLabel("Ja, alle persönlichen Daten dieser Person endgültig löschen.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();

        await page.Locator("h1", new() { HasText = "Gelöschte Person" }).WaitForAsync();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldNotContain("Erika");
        await Looks.RightAsync(page, "privacy-erased-caller", width);
        await page.GotoAsync($"/HelpRequests/{logged.Id}");
        (await page.Locator(".anonymised").TextContentAsync()).ShouldNotBeNull().ShouldContain("anonymisiert");
        await Looks.RightAsync(page, "privacy-erased-request", width);
    }

    [Fact]
    public async Task The_hotline_records_a_withdrawal_with_the_keyboard_alone()
    {
        var logged = await LogAsync();
        var page = await app.SignedInPageAsync(Role.Operator);
        await page.GotoAsync($"/Callers/{logged.CallerId}");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).CountAsync()).ShouldBe(0);

        await page.GetByLabel("Notiz (ohne Namen oder Telefonnummern, freiwillig)").FocusAsync();
        await page.Keyboard.TypeAsync("Anruf am Vormittag");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("h1", new() { HasText = "Gelöschte Person" }).WaitForAsync();
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Einwilligung widerrufen");
    }

    [Fact]
    public async Task Erasure_works_without_javascript()
    {
        var logged = await LogAsync();
        var page = await app.SignedInPageAsync(Role.Coordinator, javaScript: false);
        await page.GotoAsync($"/Callers/{logged.CallerId}");

        await page.GetByLabel("Grund *").FillAsync("Wunsch der Person");
        await page.GetByLabel("Ja, alle persönlichen Daten dieser Person endgültig löschen.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();

        await page.Locator("h1", new() { HasText = "Gelöschte Person" }).WaitForAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task A_volunteer_finds_their_stored_data_from_their_account(int width)
    {
        var page = await app.SignedInPageAsync(Role.Volunteer, width);
        await page.GotoAsync("/Account");

        await page.GetByRole(AriaRole.Link, new() { Name = "Meine gespeicherten Daten ansehen (Auskunft nach Art. 15 DSGVO)" }).ClickAsync();

        await page.Locator("h1", new() { HasText = "Meine gespeicherten Daten" }).WaitForAsync();
        await Looks.RightAsync(page, "privacy-my-data", width);
    }
}
