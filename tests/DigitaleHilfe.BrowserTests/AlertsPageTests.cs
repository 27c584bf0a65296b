using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// "Hinweise": requests the background work skipped and suspicious releases, for coordinators.
[Collection(BrowserCollection.Name)]
public sealed class AlertsPageTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task At_375_px_without_javascript_a_coordinator_sees_skipped_requests_and_marks_a_release_alert_done_with_the_keyboard()
    {
        var checkedPage = await app.SignedInPageAsync(Role.Coordinator, width: 375);
        await checkedPage.GotoAsync("/Coordination/Alerts");
        (await checkedPage.ContentAsync()).ShouldContain("alle Erinnerungen werden geplant und verschickt");
        await checkedPage.ShouldHaveNoSeriousViolationsAsync();

        LogCall.Result request;
        await using (var scope = app.Services.CreateAsyncScope())
            request = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
            {
                CallerName = "Erika Mustermann", Phone = "0631 123456", Topic = "tablet", Description = "Fotos", District = "erfenbach",
                HelpMode = "telefon", Consent = true,
            });
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Store(new BackgroundProblem
            {
                Id = BackgroundProblem.IdFor(BackgroundProblem.Planning, request.Id), Work = BackgroundProblem.Planning, RequestId = request.Id,
                RequestNumber = request.Number, Error = "ArgumentOutOfRangeException in ReminderSchedule.For", Occurrences = 3,
                FirstAt = DateTimeOffset.UtcNow, LastAt = DateTimeOffset.UtcNow,
            });
            session.Store(new ReleaseAlert { Id = "alert-1", VolunteerId = Guid.NewGuid(), VolunteerName = "Otto Beispiel", Releases = 3, At = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync();
        }
        await checkedPage.GotoAsync("/Coordination/Alerts");
        await checkedPage.ShouldHaveNoSeriousViolationsAsync();
        (await checkedPage.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await checkedPage.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "alerts-375.png"), FullPage = true });
        await checkedPage.SetViewportSizeAsync(1280, 800);
        await checkedPage.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "alerts-1280.png"), FullPage = true });

        var page = await app.SignedInPageAsync(Role.Coordinator, width: 375, javaScript: false);
        await page.GotoAsync("/Coordination/Alerts");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain(request.Number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erledigt" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Coordination/Alerts");
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("als erledigt markiert");
        (await page.ContentAsync()).ShouldContain("niemand hat auffällig viele Anfragen");
    }
}
