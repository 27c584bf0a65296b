using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task After_signing_out_the_back_button_shows_no_seniors_data()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.ShouldContain("/Account/SignIn");
        await BrowserFixture.SignInAsync(page, await app.CreateAccountAsync(Role.Operator));

        await page.GetByLabel("Telefonnummer *").FillAsync("0631 777888");
        await page.GetByLabel("Name *").FillAsync("Ingrid Vertraulich");
        await page.GetByLabel("Thema *").SelectOptionAsync(new SelectOptionValue { Label = "Internet/WLAN" });
        await page.GetByLabel("Beschreibung *").FillAsync("Router im Keller.");
        await page.GetByLabel("Stadtteil *").SelectOptionAsync(new SelectOptionValue { Label = "Hohenecken" });
        await page.GetByLabel("Telefon", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Die Person ist einverstanden.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await page.WaitForURLAsync("**/Intake/Done/*");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anfrage ansehen" }).ClickAsync();
        await page.WaitForURLAsync("**/HelpRequests/*");
        (await page.ContentAsync()).ShouldContain("Ingrid Vertraulich");

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/SignIn");
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Sie wurden abgemeldet.");

        await page.GoBackAsync();
        (await page.ContentAsync()).ShouldNotContain("Ingrid Vertraulich");
        page.Url.ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Account_pages_have_no_serious_accessibility_violations_on_a_phone()
    {
        var page = await app.NewPageAsync(375);
        foreach (var path in new[] { "/Account/SignIn", "/Account/Register", "/Account/ForgotPassword" })
        {
            await page.GotoAsync(path);
            await page.ShouldHaveNoSeriousViolationsAsync();
        }

        await page.GotoAsync("/Account/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await BrowserFixture.SignInAsync(page, await app.CreateAccountAsync(Role.Volunteer));
        await page.GotoAsync("/Account");
        await page.ShouldHaveNoSeriousViolationsAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    [Fact]
    public async Task Coordination_and_admin_pages_have_no_serious_accessibility_violations()
    {
        await app.CreateAccountAsync(Role.Volunteer);
        var coordinator = await app.SignedInPageAsync(Role.Coordinator);
        await coordinator.GotoAsync("/Coordination/Volunteers");
        await coordinator.ShouldHaveNoSeriousViolationsAsync();

        // The request page with suggestions, and an invitation link as a volunteer opens it.
        var volunteerEmail = await app.CreateAccountAsync(Role.Volunteer);
        Guid requestId, volunteerId;
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            requestId = (await mediator.Send(new LogCall.Command
            {
                Phone = "0631 123456", CallerName = "Erika Mustermann", Topic = "tablet", District = "erfenbach", Description = "Fotos", HelpMode = "telefon", Consent = true,
            })).Id;
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            volunteerId = (await session.Query<Account>().SingleAsync(a => a.Email == volunteerEmail)).Id;
            session.Events.Append(volunteerId, new VolunteerProfileUpdated(volunteerId, ["tablet"], ["erfenbach"], ["de"], ["telefon"], 2, [], null, "Test", DateTimeOffset.UtcNow));
            token = scope.ServiceProvider.GetRequiredService<InvitationLinks>().Issue(new(session.TenantId, requestId, volunteerId, DateTimeOffset.UtcNow.AddDays(1)));
            await session.SaveChangesAsync();
        }
        await coordinator.GotoAsync($"/HelpRequests/{requestId}");
        (await coordinator.ContentAsync()).ShouldContain("Vorschläge");
        await coordinator.ShouldHaveNoSeriousViolationsAsync();
        var invited = await app.NewPageAsync(375);
        await BrowserFixture.SignInAsync(invited, volunteerEmail);
        await invited.GotoAsync($"/Invitations/{token}");
        (await invited.ContentAsync()).ShouldContain("Ich übernehme das");
        await invited.ShouldHaveNoSeriousViolationsAsync();

        var admin = await app.SignedInPageAsync(Role.Admin);
        foreach (var path in new[] { "/Admin/Accounts", "/Admin/Audit" })
        {
            await admin.GotoAsync(path);
            await admin.ShouldHaveNoSeriousViolationsAsync();
        }
    }
}
