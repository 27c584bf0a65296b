using System.Text.RegularExpressions;
using DigitaleHilfe.BrowserTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Shared;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests;

// Issue 13: what operators, volunteers and coordinators meet every day, at 375 and 1280 px, each page
// checked with axe and photographed (screenshots in the temp folder, dh-*.png).
[Collection(BrowserCollection.Name)]
public sealed partial class DailyServiceTests(BrowserFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<LogCall.Result> LogAsync(string name, string mode = "hausbesuch", string topic = "online-banking")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
        {
            CallerName = name, Phone = $"0631 {Random.Shared.Next(100000, 999999)}", Topic = topic, Description = "Die Banking-App fragt nach einem Code.",
            District = "innenstadt-ost", HelpMode = mode, Consent = true, Address = "Fackelstraße 12, 67655 Kaiserslautern",
        });
    }

    // Table cells holding a single word must show it on one line: the reported "Offe/n" at 375 px.
    // A compound may still break at its own hyphen ("Innenstadt-/Ost"), as print does.
    private static Task<string[]> BrokenWordsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('td, th')].flatMap(cell => [...cell.querySelectorAll('*'), cell])
            .filter(e => e.childElementCount === 0 && e.textContent.trim() !== '' && !/[\s-]/.test(e.textContent.trim()))
            .filter(e => e.getBoundingClientRect().width > 4)
            .filter(e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length > 1; })
            .map(e => e.textContent.trim())
        """);

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_request_list_filters_and_reads_without_broken_words(int width)
    {
        await LogAsync("Erika Mustermann-Langname");
        await LogAsync("Otto Normalverbraucher", "telefon", "tablet");
        var page = await app.SignedInPageAsync(Role.Coordinator, width);

        await page.GotoAsync("/HelpRequests");
        (await BrokenWordsAsync(page)).ShouldBeEmpty();
        await Looks.RightAsync(page, "request-list", width);

        await page.GetByLabel("Art der Hilfe").SelectOptionAsync(new SelectOptionValue { Label = "Telefon" });
        await page.GetByLabel("Sortierung").SelectOptionAsync(new SelectOptionValue { Label = "Älteste zuerst" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("tbody").TextContentAsync()).ShouldNotBeNull().ShouldContain("Otto Normalverbraucher");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Filter zurücksetzen" }).CountAsync()).ShouldBe(1);
        (await BrokenWordsAsync(page)).ShouldBeEmpty();
        await Looks.RightAsync(page, "request-list-filtered", width);
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_request_page_puts_the_next_step_first_in_each_state(int width)
    {
        var logged = await LogAsync("Erika Mustermann");
        var volunteer = await app.SignedInPageAsync(Role.Volunteer, width);
        await volunteer.GotoAsync($"/Board/{logged.Id}");
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Ich übernehme das" }).ClickAsync();

        // Claimed: making an appointment comes first; the outcome waits, folded, with no minutes filled in.
        (await volunteer.Locator(".next-step h2").TextContentAsync()).ShouldNotBeNull().ShouldContain("Termin vereinbaren");
        (await volunteer.Locator("details.step summary").AllTextContentsAsync()).ShouldContain("Ergebnis melden");
        (await volunteer.Locator("#MinutesSpent").InputValueAsync()).ShouldBeEmpty();
        (await volunteer.Locator(".contact").TextContentAsync()).ShouldNotBeNull().ShouldContain("Fackelstraße 12");
        (await volunteer.GetByRole(AriaRole.Link, new() { Name = "Auf der Karte suchen" }).GetAttributeAsync("href"))
            .ShouldNotBeNull().ShouldStartWith("https://www.openstreetmap.org/search?query=Fackelstra");
        await Looks.RightAsync(volunteer, "request-claimed", width);

        await volunteer.GetByLabel("Datum und Uhrzeit").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-dd'T'10:00"));
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Termin speichern" }).ClickAsync();

        // Scheduled ahead: no step is "next" until the appointment; reporting early needs the confirmation.
        (await volunteer.Locator(".next-step").CountAsync()).ShouldBe(0);
        (await volunteer.Locator(".notice-info").TextContentAsync()).ShouldNotBeNull().ShouldContain("Nächster Schritt: der Termin");
        await volunteer.Locator("summary", new() { HasText = "Ergebnis melden" }).ClickAsync();
        await volunteer.GetByLabel("Wie ist es ausgegangen?").SelectOptionAsync(new SelectOptionValue { Label = "gelöst" });
        await volunteer.GetByLabel("Zeitaufwand in Minuten").FillAsync("50");
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        (await volunteer.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Der Termin war noch nicht – trotzdem melden?");
        await Looks.RightAsync(volunteer, "request-scheduled", width);

        await volunteer.Locator("summary", new() { HasText = "Ergebnis melden" }).ClickAsync();
        await volunteer.GetByLabel("Wie ist es ausgegangen?").SelectOptionAsync(new SelectOptionValue { Label = "gelöst" });
        await volunteer.GetByLabel("Zeitaufwand in Minuten").FillAsync("50");
        await volunteer.GetByLabel("Bemerkung (freiwillig)").FillAsync("Zwei-Faktor-App eingerichtet");
        await volunteer.GetByLabel("Termin war noch nicht – trotzdem melden").CheckAsync();
        await volunteer.GetByRole(AriaRole.Button, new() { Name = "Ergebnis speichern" }).ClickAsync();
        (await volunteer.Locator(".timeline").TextContentAsync()).ShouldNotBeNull().ShouldContain("Ergebnis: gelöst (50 Minuten) – Zwei-Faktor-App eingerichtet");

        // Resolved, seen by a coordinator: closing comes first, and the history sits beside the facts on a wide screen.
        var coordinator = await app.SignedInPageAsync(Role.Coordinator, width);
        await coordinator.GotoAsync($"/HelpRequests/{logged.Id}");
        (await coordinator.Locator(".next-step h2").TextContentAsync()).ShouldNotBeNull().ShouldContain("Abschließen");
        // Two looks at the contact details by the volunteer read as one line.
        (await coordinator.Locator(".timeline").TextContentAsync()).ShouldNotBeNull().ShouldMatch(@"[2-9]× Kontaktdaten angesehen");
        await Looks.RightAsync(coordinator, "request-resolved", width);
        if (width >= 1280)
        {
            var facts = await coordinator.Locator(".request-main").BoundingBoxAsync();
            var history = await coordinator.Locator(".request-side").BoundingBoxAsync();
            history!.X.ShouldBeGreaterThan(facts!.X + facts.Width - 1);
        }
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_callback_suggested_on_a_request_lies_inside_office_hours(int width)
    {
        var logged = await LogAsync("Erika Mustermann", "telefon");
        var page = await app.SignedInPageAsync(Role.Operator, width);
        await page.GotoAsync($"/HelpRequests/{logged.Id}");
        await page.Locator("summary", new() { HasText = "Rückruf planen" }).ClickAsync();

        var suggested = DateTime.Parse(await page.GetByLabel("Wann?").InputValueAsync());
        OfficeHours.Default.IsOpen(suggested).ShouldBeTrue($"{suggested} is outside Mo–Fr 9–16");
        CityTime.FromLocal(suggested).ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        (await page.Locator("#DueLocal-hint").TextContentAsync()).ShouldNotBeNull().ShouldContain("Mo–Fr 9:00–16:00 Uhr");

        // A Sunday night needs the explicit confirmation.
        var sunday = DateTime.Today.AddDays(7 + (7 - (int)DateTime.Today.DayOfWeek) % 7).AddHours(23);
        await page.GetByLabel("Wann?").FillAsync(sunday.ToString("yyyy-MM-dd'T'HH:mm"));
        await page.GetByLabel("Grund").FillAsync("Termin abstimmen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rückruf einplanen" }).ClickAsync();
        (await page.Locator(".error-summary").TextContentAsync()).ShouldNotBeNull().ShouldContain("außerhalb der Sprechzeiten");
        await Looks.RightAsync(page, "callback-confirm", width);
        await page.GetByLabel("Ja, trotzdem zu dieser Zeit anrufen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rückruf einplanen" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Rückruf ist eingeplant");
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_visit_sheet_carries_the_visit_and_the_hotline_number_and_no_more(int width)
    {
        var logged = await LogAsync("Erika Mustermann");
        var page = await app.SignedInPageAsync(Role.Volunteer, width);
        await page.GotoAsync($"/Board/{logged.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ich übernehme das" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Besuchszettel zum Ausdrucken" }).ClickAsync();

        var sheet = (await page.Locator("main").TextContentAsync()).ShouldNotBeNull();
        sheet.ShouldContain("Erika Mustermann");
        sheet.ShouldContain("Fackelstraße 12, 67655 Kaiserslautern");
        sheet.ShouldContain("Die Banking-App fragt nach einem Code.");
        sheet.ShouldContain("0631 365-1234");
        sheet.ShouldNotContain("Einwilligung");
        await Looks.RightAsync(page, "visit-sheet", width);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        (await page.Locator(".site-header").IsVisibleAsync()).ShouldBeFalse();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"dh-visit-sheet-print-{width}.png"), FullPage = true });
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Onboarding_runs_from_registration_to_approval_with_the_emails(int width)
    {
        var email = $"neu-{Guid.NewGuid():N}@example.org";
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/Account/Register");
        (await page.Locator("footer").TextContentAsync()).ShouldNotBeNull().ShouldContain("Datenschutz");
        await page.GetByLabel("Ihr Name").FillAsync("Nina Neu");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Ich helfe gern beim Tablet");
        await page.GetByLabel("Passwort wiederholen").FillAsync("Ich helfe gern beim Tablet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();
        var confirm = await app.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email), TimeSpan.FromSeconds(30));
        await page.GotoAsync(new Uri(Link().Match(confirm.TextBody!).Value).PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "E-Mail-Adresse bestätigen" }).ClickAsync();

        await BrowserFixture.SignInAsync(page, email, "Ich helfe gern beim Tablet");
        await page.GotoAsync("/Board");
        page.Url.ShouldEndWith("/Account");
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("So geht es weiter");
        await Looks.RightAsync(page, "onboarding-waiting", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ihr Profil" }).ClickAsync();
        await page.GetByLabel("Tablet").First.CheckAsync();
        await page.GetByLabel("Hausbesuch").CheckAsync();
        await page.GetByLabel("Erfenbach").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Profil speichern" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Profil ist gespeichert");

        var coordinator = await app.SignedInPageAsync(Role.Coordinator, width);
        await coordinator.GotoAsync("/Coordination/Volunteers");
        (await coordinator.GetByRole(AriaRole.Link, new() { Name = "Helfende" }).TextContentAsync()).ShouldNotBeNull().ShouldContain("1 warten auf Freigabe");
        var card = coordinator.Locator(".card", new() { HasText = "Nina Neu" });
        (await card.TextContentAsync()).ShouldNotBeNull().ShouldContain("Tablet");
        await Looks.RightAsync(coordinator, "volunteers-waiting", width);
        await card.GetByLabel("Ausgestellt am").FillAsync(DateTime.Today.AddMonths(-2).ToString("yyyy-MM-dd"));
        await card.GetByLabel("Gesehen am").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await card.GetByRole(AriaRole.Button, new() { Name = "Nina Neu freischalten" }).ClickAsync();
        (await coordinator.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("freigeschaltet");
        (await coordinator.Locator("table").TextContentAsync()).ShouldNotBeNull().ShouldContain("Führungszeugnis gültig bis");
        (await BrokenWordsAsync(coordinator)).ShouldBeEmpty();
        await Looks.RightAsync(coordinator, "volunteers-approved", width);

        var approved = await app.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email) && m.Subject == "Sie sind freigeschaltet", TimeSpan.FromSeconds(30));
        approved.TextBody!.ShouldContain("offene Anfragen ansehen und übernehmen");
        await page.GotoAsync("/Board");
        page.Url.ShouldEndWith("/Board");
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task An_admin_invites_staff_who_set_their_own_password(int width)
    {
        var email = $"hotline-{Guid.NewGuid():N}@example.org";
        var admin = await app.SignedInPageAsync(Role.Admin, width);
        await admin.GotoAsync("/Admin/Accounts");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Einladung senden" }).ClickAsync();
        (await admin.Locator(".error-summary").TextContentAsync()).ShouldNotBeNull().ShouldContain("Bitte geben Sie die E-Mail-Adresse an.");
        await Looks.RightAsync(admin, "invite-errors", width);

        await admin.Locator("#Email").FillAsync(email);
        await admin.Locator("#Name").FillAsync("Hanna Hotline");
        await admin.GetByLabel("Hotline").First.CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Einladung senden" }).ClickAsync();
        (await admin.GetByRole(AriaRole.Status).TextContentAsync()).ShouldNotBeNull().ShouldContain("Einladung an");
        (await admin.Locator(".card", new() { HasText = "Hanna Hotline" }).TextContentAsync()).ShouldNotBeNull().ShouldContain("Einladung offen");
        await Looks.RightAsync(admin, "accounts", width);

        var invitation = await app.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(email), TimeSpan.FromSeconds(30));
        invitation.Subject.ShouldBe("Einladung zur Digitalen Hilfe");
        invitation.TextBody!.ShouldContain("als Hotline");
        var invitee = await app.NewPageAsync(width);
        await invitee.GotoAsync(new Uri(Link().Match(invitation.TextBody!).Value).PathAndQuery);
        await invitee.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Am Telefon geduldig bleiben");
        await invitee.GetByLabel("Passwort wiederholen").FillAsync("Am Telefon geduldig bleiben");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await BrowserFixture.SignInAsync(invitee, email, "Am Telefon geduldig bleiben");
        invitee.Url.ShouldEndWith("/Intake");
        (await invitee.Locator("nav").TextContentAsync()).ShouldNotBeNull().ShouldNotContain("Hintergrundaufgaben");
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_public_pages_are_linked_from_every_page_and_readable_without_signing_in(int width)
    {
        // (The pages need no JavaScript; the checks below run scripts in the page, so it stays on.)
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/Account/SignIn");
        foreach (var (link, heading) in new[] { ("Datenschutz", "Datenschutz"), ("Impressum", "Impressum"),
                     ("Erklärung zur Barrierefreiheit", "Erklärung zur Barrierefreiheit"), ("Leichte Sprache", "Digitale Hilfe in Leichter Sprache") })
        {
            await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            (await page.Locator("h1").TextContentAsync()).ShouldBe(heading);
            await Looks.RightAsync(page, $"public-{heading.Split(' ')[0].ToLowerInvariant()}", width);
        }
        (await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Barriere melden" }).GetAttributeAsync("href")).ShouldBe("/Barrierefreiheit#feedback");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
