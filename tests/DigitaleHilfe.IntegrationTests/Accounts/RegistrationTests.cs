using System.Net;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;

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
        (await client.GetStringAsync("/Account")).ShouldContain("wartet auf die Freigabe");
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

    [Fact]
    public async Task A_coordinator_approves_a_confirmed_volunteer_noting_the_certificate()
    {
        await RegisterAsync();
        var link = LinkIn((await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(Email))).TextBody);
        await FormPost.SubmitAsync(NewBrowser(), link, new Dictionary<string, string> { ["token"] = TokenOf(link) }, "/Account/ConfirmEmail");
        await using var read = App.QuerySession();
        var volunteer = await read.Query<Account>().SingleAsync(a => a.Email == Email);

        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        (await coordinator.GetStringAsync("/Coordination/Volunteers")).ShouldContain("Wartet auf Freigabe");
        var approved = await FormPost.SubmitAsync(coordinator, "/Account/SignIn",
            new Dictionary<string, string> { ["certificateOfConductSeen"] = "true" }, $"/Coordination/Volunteers/{volunteer.Id}/Approve");

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var session = App.QuerySession();
        var after = await session.LoadAsync<Account>(volunteer.Id);
        after!.IsApproved.ShouldBeTrue();
        after.CertificateOfConductSeen.ShouldBeTrue();
        after.ApprovedBy.ShouldBe("Test Coordinator");
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
