using System.Net;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Accounts;

public sealed partial class RegistrationTests(AppFixture app) : IntegrationTest(app)
{
    private const string Email = "neue.helferin@example.org";
    private const string Password = "Ich helfe gern beim Tablet";

    private HttpClient NewBrowser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<HttpResponseMessage> RegisterAsync(string email = Email, string password = Password, string? confirmation = null) =>
        FormPost.SubmitAsync(NewBrowser(), "/Account/Register", new Dictionary<string, string>
        {
            ["Name"] = "Nina Neu", ["Email"] = email, ["Password"] = password, ["PasswordConfirmation"] = confirmation ?? password,
        });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string password = Password) =>
        FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = Email, ["Password"] = password });

    [Fact]
    public async Task A_volunteer_registers_confirms_the_address_and_waits_for_approval()
    {
        (await RegisterAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email));
        mail.Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");

        var client = NewBrowser();
        (await (await SignInAsync(client)).Content.ReadAsStringAsync()).ShouldContain("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse");

        var link = LinkIn(mail.TextBody);
        var page = await client.GetStringAsync(link);
        page.ShouldContain("E-Mail-Adresse bestätigen");
        var confirmed = await FormPost.SubmitAsync(client, link, new Dictionary<string, string> { ["token"] = TokenOf(link) }, "/Account/ConfirmEmail");
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("E-Mail-Adresse bestätigt");

        (await SignInAsync(client)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/Account")).ShouldContain("So geht es weiter");
        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_confirmation_link_works_once()
    {
        await RegisterAsync();
        var link = LinkIn((await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email))).TextBody);
        var fields = new Dictionary<string, string> { ["token"] = TokenOf(link) };
        await FormPost.SubmitAsync(NewBrowser(), link, fields, "/Account/ConfirmEmail");

        var again = await FormPost.SubmitAsync(NewBrowser(), link, fields, "/Account/ConfirmEmail");

        (await again.Content.ReadAsStringAsync()).ShouldContain("Link ungültig");
    }

    private async Task<(HttpClient Volunteer, Account Account)> ConfirmedVolunteerAsync()
    {
        await RegisterAsync();
        var link = LinkIn((await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email))).TextBody);
        await FormPost.SubmitAsync(NewBrowser(), link, new Dictionary<string, string> { ["token"] = TokenOf(link) }, "/Account/ConfirmEmail");
        var client = NewBrowser();
        (await SignInAsync(client)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var read = App.QuerySession();
        return (client, await read.Query<Account>().SingleAsync(a => a.Email == Email));
    }

    private async Task<Account> ReloadAsync(Guid id)
    {
        await using var session = App.QuerySession();
        return (await session.LoadAsync<Account>(id))!;
    }

    [Fact]
    public async Task A_waiting_volunteer_fills_in_the_profile_and_sees_what_happens_next_instead_of_a_403()
    {
        var (volunteer, _) = await ConfirmedVolunteerAsync();

        var board = await volunteer.GetAsync("/Board");
        board.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        board.Headers.Location!.OriginalString.ShouldBe("/Account");
        var next = await volunteer.GetStringAsync("/Account");
        next.ShouldContain("So geht es weiter");
        next.ShouldContain("href=\"/Board/Profile\"");

        var saved = await FormPost.SubmitAsync(volunteer, "/Board/Profile", new Dictionary<string, string>
        {
            ["Topics"] = "tablet", ["HelpModes"] = "telefon", ["Districts"] = "erfenbach", ["Languages"] = "de", ["Capacity"] = "2",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        var page = await coordinator.GetStringAsync("/Coordination/Volunteers");
        page.ShouldContain("Nina Neu");
        page.ShouldContain("Tablet");
    }

    [Fact]
    public async Task Approval_with_the_certificate_dates_mails_the_volunteer_and_allows_home_visits()
    {
        var (volunteer, account) = await ConfirmedVolunteerAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var approved = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["IssuedOn"] = "2026-10-01", ["SeenOn"] = "2026-11-20" }, $"/Coordination/Volunteers/{account.Id}/Approve");

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await ReloadAsync(account.Id);
        after.IsApproved.ShouldBeTrue();
        after.ApprovedBy.ShouldBe("Test Coordinator");
        after.Certificate.ShouldBe(new CertificateRecord(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 20), "Test Coordinator", new DateOnly(2031, 10, 1)));
        var mail = await App.Smtp.WaitForMessageAsync(m => m.Subject == "Sie sind freigeschaltet");
        mail.TextBody!.ShouldContain("offene Anfragen ansehen und übernehmen");
        // The approval applies to the running session: the board opens without signing in again.
        (await volunteer.GetAsync("/Board")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_certificate_older_than_five_years_or_dated_in_the_future_is_a_field_error_and_nothing_is_approved()
    {
        var (_, account) = await ConfirmedVolunteerAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var old = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["IssuedOn"] = "2021-01-10", ["SeenOn"] = "2026-11-20" }, $"/Coordination/Volunteers/{account.Id}/Approve");
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await old.Content.ReadAsStringAsync();
        html.ShouldContain("älter als 5 Jahre und gilt nicht mehr");
        html.ShouldContain("id=\"IssuedOn\"");

        var future = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["IssuedOn"] = "2026-10-01", ["SeenOn"] = "2027-01-01" }, $"/Coordination/Volunteers/{account.Id}/Approve");
        (await future.Content.ReadAsStringAsync()).ShouldContain("„Gesehen am“ darf nicht in der Zukunft liegen.");

        var halfFilled = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["IssuedOn"] = "2026-10-01", ["SeenOn"] = "" }, $"/Coordination/Volunteers/{account.Id}/Approve");
        (await halfFilled.Content.ReadAsStringAsync()).ShouldContain("wann Sie das Führungszeugnis gesehen haben");

        (await ReloadAsync(account.Id)).IsApproved.ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_certificate_the_volunteer_claims_phone_requests_but_not_home_visits_and_is_not_suggested_for_them()
    {
        var (volunteer, account) = await ConfirmedVolunteerAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers", new Dictionary<string, string>(), $"/Coordination/Volunteers/{account.Id}/Approve");
        (await App.Smtp.WaitForMessageAsync(m => m.Subject == "Sie sind freigeschaltet")).TextBody!.ShouldContain("Für Hausbesuche und Sprechstunden brauchen wir noch Ihr erweitertes Führungszeugnis");
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(account.Id, new Web.Features.Volunteers.VolunteerProfileUpdated(account.Id, ["online-banking"], ["innenstadt-ost"], ["de"],
                ["hausbesuch", "telefon"], 3, [], null, "Test", AppFixture.Start));
            await session.SaveChangesAsync();
        }

        var visit = await App.SendAsync(AppFixture.ValidCall() with { HelpMode = "hausbesuch" });
        var phone = await App.SendAsync(AppFixture.ValidCall("Otto Normal") with { HelpMode = "telefon" });

        var refused = await FormPost.SubmitAsync(volunteer, $"/Board/{visit.Id}", new Dictionary<string, string>(), $"/HelpRequests/{visit.Id}/Claim");
        (await ReloadRequestAsync(visit.Id)).Status.ShouldBe(Web.Features.HelpRequests.RequestStatus.Open);
        var claimed = await FormPost.SubmitAsync(volunteer, $"/Board/{phone.Id}", new Dictionary<string, string>(), $"/HelpRequests/{phone.Id}/Claim");
        (await ReloadRequestAsync(phone.Id)).Status.ShouldBe(Web.Features.HelpRequests.RequestStatus.Claimed);

        var suggestions = await App.SendAsync(new Web.Features.Matching.Suggestions.ForRequest(visit.Id));
        suggestions!.ShouldNotContain(s => s.VolunteerId == account.Id);
        var page = await coordinator.GetStringAsync("/Coordination/Volunteers");
        page.ShouldContain("Führungszeugnis fehlt – nur Telefon und Video");
    }

    private async Task<Web.Features.HelpRequests.HelpRequest> ReloadRequestAsync(Guid id)
    {
        await using var session = App.QuerySession();
        return (await session.LoadAsync<Web.Features.HelpRequests.HelpRequest>(id))!;
    }

    [Fact]
    public async Task A_rejection_mails_the_applicant_with_the_reason_only_when_chosen_and_ends_the_account()
    {
        var (volunteer, account) = await ConfirmedVolunteerAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var noReason = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["Reason"] = "" }, $"/Coordination/Volunteers/{account.Id}/Reject");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Bitte geben Sie einen Grund an");

        var rejected = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["Reason"] = "Wohnt nicht in Kaiserslautern" }, $"/Coordination/Volunteers/{account.Id}/Reject");
        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = await App.Smtp.WaitForMessageAsync(m => m.Subject == "Ihre Anmeldung bei der Digitalen Hilfe");
        mail.TextBody!.ShouldContain("Leider können wir Ihre Anmeldung");
        mail.TextBody!.ShouldNotContain("Wohnt nicht in Kaiserslautern");
        var after = await ReloadAsync(account.Id);
        after.Active.ShouldBeFalse();
        after.Rejection!.Reason.ShouldBe("Wohnt nicht in Kaiserslautern");
        (await volunteer.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync("/Coordination/Volunteers")).ShouldContain("abgelehnt am");
    }

    [Fact]
    public async Task Coordinators_see_a_certificate_that_runs_out_within_sixty_days_on_Hinweise_and_can_enter_a_new_one()
    {
        var volunteer = await App.CreateAccountAsync(Role.Volunteer);
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Store(volunteer with { Certificate = new CertificateRecord(new DateOnly(2021, 12, 20), new DateOnly(2022, 1, 5), "Klaus", new DateOnly(2026, 12, 20)) });
            await session.SaveChangesAsync();
        }
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var alerts = await coordinator.GetStringAsync("/Coordination/Alerts");
        alerts.ShouldContain(volunteer.Name);
        alerts.ShouldContain("Führungszeugnis läuft am 20.12.2026 ab");

        var renewed = await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["IssuedOn"] = "2026-11-10", ["SeenOn"] = "2026-11-25" }, $"/Coordination/Volunteers/{volunteer.Id}/Certificate");
        renewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReloadAsync(volunteer.Id)).Certificate!.ValidUntil.ShouldBe(new DateOnly(2031, 11, 10));
        (await coordinator.GetStringAsync("/Coordination/Alerts")).ShouldContain("alle eingetragenen Führungszeugnisse gelten noch länger");
    }

    [Fact]
    public async Task A_rejection_can_tell_the_applicant_why()
    {
        var (_, account) = await ConfirmedVolunteerAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        await FormPost.SubmitAsync(coordinator, "/Coordination/Volunteers",
            new Dictionary<string, string> { ["Reason"] = "Wir suchen zurzeit nur in Erfenbach", ["ShowReason"] = "true" }, $"/Coordination/Volunteers/{account.Id}/Reject");

        var mail = await App.Smtp.WaitForMessageAsync(m => m.Subject == "Ihre Anmeldung bei der Digitalen Hilfe");
        mail.TextBody!.ShouldContain("Der Grund: Wir suchen zurzeit nur in Erfenbach");
    }

    [Fact]
    public async Task Registering_a_known_address_looks_the_same_and_mails_the_owner_instead()
    {
        await App.SendAsync(new CreateAccount.Command(Email, "Nina Alt", [Role.Volunteer], "Schon lange dabei 2025"));

        var response = await RegisterAsync();

        (await response.Content.ReadAsStringAsync()).ShouldContain("Fast geschafft");
        (await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email))).Subject.ShouldBe("Sie haben bereits ein Konto");
        await using var session = App.QuerySession();
        (await session.Query<Account>().CountAsync(a => a.Email == Email)).ShouldBe(1);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_address_make_one_account_and_no_error()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => RegisterAsync()));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await using var session = App.QuerySession();
        (await session.Query<Account>().CountAsync(a => a.Email == Email)).ShouldBe(1);
    }

    [Theory]
    [InlineData("kurz", "mindestens 10 Zeichen")]
    [InlineData("password123", "zu bekannt")]
    [InlineData("Qwertzuiop", "zu bekannt")]
    [InlineData("neue.helferin-2026", "E-Mail-Adresse")]
    public async Task Weak_passwords_are_refused_with_a_reason(string password, string reason)
    {
        var response = await RegisterAsync(password: password);

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(reason);
        html.ShouldContain("aria-invalid=\"true\"");
        await using var session = App.QuerySession();
        (await session.Query<Account>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused()
    {
        var html = await (await RegisterAsync(password: new string('a', 60) + new string('b', 69))).Content.ReadAsStringAsync();

        html.ShouldContain("höchstens 128 Zeichen");
    }

    [Fact]
    public async Task A_password_reset_never_reveals_whether_an_address_is_registered()
    {
        await App.SendAsync(new CreateAccount.Command(Email, "Nina", [Role.Volunteer], Password));

        var known = await FormPost.SubmitAsync(NewBrowser(), "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = Email });
        var unknown = await FormPost.SubmitAsync(NewBrowser(), "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "fremd@example.org" });

        MainOf(await known.Content.ReadAsStringAsync()).ShouldBe(MainOf(await unknown.Content.ReadAsStringAsync()));
        await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email));
        App.Smtp.Messages.ShouldNotContain(m => m.To.ToString().Contains("fremd@example.org"));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_ends_old_sessions()
    {
        await App.SendAsync(new CreateAccount.Command(Email, "Nina", [Role.Volunteer], Password));
        var oldDevice = NewBrowser();
        await SignInAsync(oldDevice);
        await FormPost.SubmitAsync(NewBrowser(), "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = Email });
        var link = LinkIn((await App.Smtp.WaitForMessageAsync(m => m.Subject?.Contains("Neues Passwort") == true)).TextBody);
        var fields = new Dictionary<string, string> { ["Token"] = TokenOf(link), ["Password"] = "Mein neuer langer Satz", ["PasswordConfirmation"] = "Mein neuer langer Satz" };

        (await FormPost.SubmitAsync(NewBrowser(), link, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await FormPost.SubmitAsync(NewBrowser(), link, fields);

        (await second.Content.ReadAsStringAsync()).ShouldContain("ungültig, schon benutzt oder abgelaufen");
        (await oldDevice.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAsync(NewBrowser(), "Mein neuer langer Satz")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        await App.SendAsync(new CreateAccount.Command(Email, "Nina", [Role.Volunteer], Password));
        await FormPost.SubmitAsync(NewBrowser(), "/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = Email });
        var link = LinkIn((await App.Smtp.WaitForMessageAsync(m => m.Subject?.Contains("Neues Passwort") == true)).TextBody);

        App.Clock.Advance(TimeSpan.FromMinutes(61));
        var response = await FormPost.SubmitAsync(NewBrowser(), link, new Dictionary<string, string>
        {
            ["Token"] = TokenOf(link), ["Password"] = "Mein neuer langer Satz", ["PasswordConfirmation"] = "Mein neuer langer Satz",
        });

        (await response.Content.ReadAsStringAsync()).ShouldContain("abgelaufen");
    }

    private static string LinkIn(string? text) =>
        new Uri(LinkPattern().Match(text.ShouldNotBeNull()).Value).PathAndQuery;

    private static string TokenOf(string link) => Uri.UnescapeDataString(link.Split("token=")[1]);

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    [GeneratedRegex(@"http://digitalehilfe\.test/Account/\S+")]
    private static partial Regex LinkPattern();
}
