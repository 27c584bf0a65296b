using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// The pages the reminders bring: the senior's answer page (from an email, on a phone, no account),
// the follow-up call on the hotline's list, and the coordinators' list of undeliverable mail.
[Collection(BrowserCollection.Name)]
public sealed class ReminderPagesTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<LogCall.Result> LogAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
        {
            CallerName = "Erika Mustermann", Phone = "0631 123456", Topic = "tablet", Description = "Fotos vom Enkel ansehen",
            District = "erfenbach", HelpMode = "telefon", Consent = true,
        });
    }

    private async Task StoreAsync(object document)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
        session.Store(document);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task At_375_px_without_javascript_a_senior_answers_the_follow_up_with_the_keyboard()
    {
        var request = await LogAsync();
        const string token = "ein-langes-geheimes-token-fuer-den-test-0123456789";
        await StoreAsync(new FollowUpLink { Id = Secrets.Hash(token), RequestId = request.Id, ExpiresAt = DateTimeOffset.UtcNow.AddDays(30) });
        // axe needs script; the page itself is checked with it, then used without.
        var checkedPage = await app.NewPageAsync(width: 375);
        await checkedPage.GotoAsync($"/Nachfrage/{token}");
        await checkedPage.ShouldHaveNoSeriousViolationsAsync();
        (await checkedPage.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await checkedPage.GetByRole(AriaRole.Button, new() { Name = "Antwort senden" }).ClickAsync();
        (await checkedPage.GetByRole(AriaRole.Alert).TextContentAsync()).ShouldNotBeNull().ShouldContain("Bitte wählen Sie eine Antwort.");
        await checkedPage.ShouldHaveNoSeriousViolationsAsync();

        var page = await app.NewPageAsync(width: 375, javaScript: false);
        await page.GotoAsync($"/Nachfrage/{token}");
        await page.GetByLabel("Ja, alles hat geklappt").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Möchten Sie uns noch etwas sagen?").FillAsync("Vielen Dank!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antwort senden" }).PressAsync("Enter");

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Vielen Dank für Ihre Antwort!");
    }

    [Fact]
    public async Task The_hotline_records_the_answer_to_a_follow_up_call()
    {
        var request = await LogAsync();
        await StoreAsync(new CallbackTask
        {
            Id = Guid.NewGuid(), CallerId = request.CallerId, RequestId = request.Id, RequestNumber = request.Number, DueAt = DateTimeOffset.UtcNow,
            Reason = SeniorReminders.FollowUpReason, CreatedBy = "System", CreatedAt = DateTimeOffset.UtcNow, IsFollowUp = true,
        });
        var page = await app.SignedInPageAsync(Role.Operator);

        await page.GotoAsync("/Callbacks");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("erreicht", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Alles hat geklappt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Der Rückruf ist erledigt.");
        await page.GotoAsync($"/HelpRequests/{request.Id}");
        (await page.Locator(".timeline").TextContentAsync()).ShouldNotBeNull().ShouldContain("Nachfrage (Telefon): Alles hat geklappt");
    }

    [Fact]
    public async Task Coordinators_see_undeliverable_mail_and_mark_it_done()
    {
        var page = await app.SignedInPageAsync(Role.Coordinator);
        await page.GotoAsync("/Emails/Undeliverable");
        (await page.ContentAsync()).ShouldContain("hier ist nichts zu tun");
        await page.ShouldHaveNoSeriousViolationsAsync();

        var request = await LogAsync();
        await StoreAsync(new UndeliverableEmail
        {
            Id = Guid.NewGuid(), At = DateTimeOffset.UtcNow, Kind = "Terminerinnerung", RequestId = request.Id, RequestNumber = request.Number,
            Recipient = "Person Erika Mustermann", Address = "erika@beispiel.invalid", IsCaller = true, Subject = "Erinnerung an Ihren Termin",
            Reason = "550 Mailbox unavailable", Attempts = 1,
        });
        await page.GotoAsync("/Emails/Undeliverable");
        await page.ShouldHaveNoSeriousViolationsAsync();
        (await page.Locator("table").TextContentAsync()).ShouldNotBeNull().ShouldContain("erika@beispiel.invalid");

        await page.GetByRole(AriaRole.Button, new() { Name = "Erledigt" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Als erledigt markiert.");
        (await page.ContentAsync()).ShouldContain("hier ist nichts zu tun");
    }
}
