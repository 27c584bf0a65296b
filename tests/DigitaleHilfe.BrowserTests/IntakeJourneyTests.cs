using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class IntakeJourneyTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_logs_a_call_and_sees_it_with_its_timeline_without_javascript()
    {
        var page = await app.SignedInPageAsync(Role.Operator, javaScript: false);
        await page.GotoAsync("/Intake");

        await FillValidCallAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();

        await page.WaitForURLAsync("**/Intake/Done/*");
        var number = (await page.Locator(".big-number").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anfrage ansehen" }).ClickAsync();
        await page.WaitForURLAsync("**/HelpRequests/*");
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        heading.ShouldNotBeNull().ShouldMatch(@"Anfrage \d{4}-\d{4,}");
        heading.ShouldContain(number);
        (await page.Locator(".timeline li").AllTextContentsAsync()).First().ShouldContain("Anruf aufgenommen");
        (await page.Locator(".contact-facts").TextContentAsync()).ShouldNotBeNull().ShouldContain("Erika Mustermann");

        await page.GetByRole(AriaRole.Link, new() { Name = "Anfragen", Exact = true }).ClickAsync();
        (await page.Locator("table.requests tbody tr").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_form_with_mistakes_keeps_what_was_typed_and_says_what_to_fix()
    {
        var page = await app.SignedInPageAsync(Role.Operator);
        await page.GotoAsync("/Intake");
        await page.GetByLabel("Name *").FillAsync("Heinz Becker");

        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync()).ShouldNotBeNull().ShouldContain("Bitte geben Sie eine Telefonnummer");
        (await page.GetByLabel("Name *").InputValueAsync()).ShouldBe("Heinz Becker");
        (await page.GetByLabel("Telefonnummer *").GetAttributeAsync("aria-invalid")).ShouldBe("true");
    }

    [Fact]
    public async Task The_cursor_starts_in_the_phone_field()
    {
        var page = await app.SignedInPageAsync(Role.Operator);
        await page.GotoAsync("/Intake");

        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("Phone");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Intake_list_and_details_pages_have_no_serious_accessibility_violations(int width)
    {
        var page = await app.SignedInPageAsync(Role.Operator, width);
        await page.GotoAsync("/HelpRequests");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GotoAsync("/Intake");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await FillValidCallAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await page.WaitForURLAsync("**/Intake/Done/*");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anfrage ansehen" }).ClickAsync();
        await page.WaitForURLAsync("**/HelpRequests/*");
        await page.ShouldHaveNoSeriousViolationsAsync();

        foreach (var path in new[] { "/Callbacks", "/Search?q=Erika", "/Intake?Phone=0631123456&Topic=online-banking" })
        {
            await page.GotoAsync(path);
            await page.ShouldHaveNoSeriousViolationsAsync();
        }
        await page.GotoAsync("/Search?q=Erika");
        await page.Locator("main a[href^='/Callers/']").First.ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);

        await page.GotoAsync("/HelpRequests");
        await page.ShouldHaveNoSeriousViolationsAsync();
        // Nothing wider than the screen: the page must not scroll sideways at 375 px.
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
    }

    private static async Task FillValidCallAsync(IPage page)
    {
        await page.GetByLabel("Telefonnummer *").FillAsync("0631 123456");
        await page.GetByLabel("Name *").FillAsync("Erika Mustermann");
        await page.GetByLabel("Adresse (nötig für Besuche zu Hause)").FillAsync("Fackelstraße 12, 67655 Kaiserslautern");
        await page.GetByLabel("Thema *").SelectOptionAsync(new SelectOptionValue { Label = "Online-Banking" });
        await page.GetByLabel("Beschreibung *").FillAsync("Die Banking-App fragt nach einem Code.");
        await page.GetByLabel("Stadtteil *").SelectOptionAsync(new SelectOptionValue { Label = "Erfenbach" });
        await page.GetByLabel("Hausbesuch").CheckAsync();
        await page.GetByLabel("Die Person ist einverstanden.").CheckAsync();
    }
}
