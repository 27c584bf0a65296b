using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// The town admin's "Ort" page and the network admin's "Netzwerk" page, as people get them: at 375 and 1280 px
// without serious axe findings (axe needs JavaScript), and used without JavaScript by keyboard.
[Collection(BrowserCollection.Name)]
public sealed class TownPagesTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_admin_corrects_the_towns_hotline_by_keyboard_without_javascript_after_a_field_error()
    {
        await LooksRightWithAndWithoutErrorAsync(Role.Admin, "/Admin/Ort", "town-settings",
            page => page.GetByLabel("Hotline-Nummer").FillAsync("ruf mich an"), "Speichern", "Die Hotline-Nummer besteht aus Ziffern");

        var page = await app.SignedInPageAsync(Role.Admin, 375, javaScript: false);
        await page.GotoAsync("/Admin/Ort");
        await page.GetByLabel("Hotline-Nummer").FillAsync("ruf mich an");
        await page.GetByLabel("Hotline-Nummer").PressAsync("Enter");
        (await page.ContentAsync()).ShouldContain("Die Hotline-Nummer besteht aus Ziffern");
        await page.GetByLabel("Hotline-Nummer").FillAsync("0631 365-4711");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("gespeichert");
        (await page.Locator("footer").TextContentAsync()).ShouldNotBeNull().ShouldContain("0631 365-4711");
    }

    [Fact]
    public async Task An_admin_gives_the_town_its_own_topics_and_colour_by_keyboard_without_javascript()
    {
        await LooksRightWithAndWithoutErrorAsync(Role.Admin, "/Admin/Ort/Auswahl", "town-choices",
            page => page.GetByLabel("Themen").FillAsync("Groß = Fotos"), "Speichern", "Zeile 1: Die Kennung „Groß“");

        var page = await app.SignedInPageAsync(Role.Admin, 375, javaScript: false);
        await page.GotoAsync("/Admin/Ort/Auswahl");
        await page.GetByLabel("Themen").FillAsync("smartphone = Smartphone\nHandy-Fotos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.GetByLabel("Themen").InputValueAsync()).ShouldBe("smartphone = Smartphone\nhandy-fotos = Handy-Fotos");

        await page.GotoAsync("/Admin/Ort");
        await page.GetByLabel("Grün").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.Locator("body").GetAttributeAsync("class")).ShouldBe("palette-gruen");
        var green = await app.SignedInPageAsync(Role.Admin, 1280);
        await green.GotoAsync("/Admin/Ort");
        await Looks.RightAsync(green, "town-green", 1280);   // axe checks the contrast of the chosen colour too
    }

    [Fact]
    public async Task The_network_admin_adds_a_town_by_keyboard_without_javascript_after_field_errors()
    {
        await LooksRightWithAndWithoutErrorAsync(Role.NetworkAdmin, "/Netz/Orte/Neu", "add-town",
            _ => Task.CompletedTask, "Ort anlegen und einladen", "Bitte geben Sie eine Kennung an");

        var page = await app.SignedInPageAsync(Role.NetworkAdmin, 375, javaScript: false);
        await page.GotoAsync("/Netz");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ort hinzufügen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Name, unter dem der Ort auftritt").FillAsync("Digitale Hilfe Rockenhausen");
        await page.GetByLabel("Kennung").FillAsync("rok");
        await page.GetByLabel("Adressen (Hostnamen), eine je Zeile").FillAsync("rockenhausen.digitalehilfe.test");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rosa Verwaltung");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync("rosa@rockenhausen.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ort anlegen und einladen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("ist angelegt");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("rockenhausen.digitalehilfe.test");
    }

    [Fact]
    public async Task The_network_admin_sees_the_towns_and_their_totals_at_375_and_1280_px()
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await app.SignedInPageAsync(Role.NetworkAdmin, width);
            await page.GotoAsync("/Netz");
            (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("Netzwerk gesamt");
            await Looks.RightAsync(page, "network", width);
            await page.GetByLabel("Jahr").FillAsync("1999");
            await page.GetByLabel("Jahr").PressAsync("Enter");
            await page.GetByText("Bitte geben Sie ein Jahr zwischen 2020 und 2100 an.").First.WaitForAsync();
            await Looks.RightAsync(page, "network-error", width);
        }
    }

    // The page at 375 and 1280 px, before and after a submission with a mistake: no sideways scrolling, no serious
    // axe findings, the field error shown.
    private async Task LooksRightWithAndWithoutErrorAsync(Role role, string path, string name, Func<IPage, Task> mistake, string button, string error)
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await app.SignedInPageAsync(role, width);
            await page.GotoAsync(path);
            await Looks.RightAsync(page, name, width);
            await mistake(page);
            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await page.GetByText(error).First.WaitForAsync();
            await Looks.RightAsync(page, $"{name}-error", width);
        }
    }
}
