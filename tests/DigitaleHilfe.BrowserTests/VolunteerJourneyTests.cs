using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// On a phone: a volunteer finds a request, takes it, arranges a call and reports back.
[Collection(BrowserCollection.Name)]
public sealed class VolunteerJourneyTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task At_375_px_a_volunteer_filters_claims_schedules_and_resolves()
    {
        await LogAsync("online-banking", "innenstadt-ost", "Überweisung per App klappt nicht.");
        await LogAsync("tablet", "erfenbach", "Tablet zeigt keine Fotos vom Enkel.");
        var page = await app.SignedInPageAsync(Role.Volunteer, width: 375);
        await page.GotoAsync("/Board");
        await page.ShouldHaveNoSeriousViolationsAsync();
        (await page.Locator(".cards .card").CountAsync()).ShouldBe(2);
        (await page.ContentAsync()).ShouldNotContain("Mustermann");

        await page.GetByLabel("Thema").SelectOptionAsync(new SelectOptionValue { Label = "Tablet" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        (await page.Locator(".cards .card").CountAsync()).ShouldBe(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tablet" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ich übernehme das" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("übernommen");
        (await page.Locator(".contact").TextContentAsync()).ShouldNotBeNull().ShouldContain("Erika Mustermann");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Datum und Uhrzeit").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-dd'T'10:00"));
        await page.GetByLabel("Ort oder Zugangsdaten").FillAsync("Anruf bei Frau Mustermann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Termin speichern" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Termin ist eingetragen");

        // The appointment lies ahead: the outcome form is folded away and asks for confirmation.
        (await page.Locator(".notice-info").TextContentAsync()).ShouldNotBeNull().ShouldContain("Nächster Schritt: der Termin");
        await page.Locator("summary", new() { HasText = "Ergebnis melden" }).ClickAsync();
        await page.GetByLabel("Wie ist es ausgegangen?").SelectOptionAsync(new SelectOptionValue { Label = "gelöst" });
        await page.GetByLabel("Termin war noch nicht – trotzdem melden").CheckAsync();
        await page.GetByLabel("Zeitaufwand in Minuten").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Ergebnis ist gespeichert");
        (await page.Locator(".timeline").TextContentAsync()).ShouldNotBeNull().ShouldContain("Ergebnis: gelöst (45 Minuten)");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        await page.GotoAsync("/Board/Mine");
        (await page.ContentAsync()).ShouldContain("45 Minuten");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GotoAsync("/Board/Profile");
        await Looks.RightAsync(page, "profile", 375);
    }

    private async Task LogAsync(string topic, string district, string description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
        {
            Phone = "0631 123456", CallerName = "Erika Mustermann", Topic = topic, District = district, Description = description,
            HelpMode = "telefon", Consent = true,
        });
    }
}
