using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace DigitaleHilfe.IntegrationTests.Accounts;

public sealed class SignInTests(AppFixture app) : IntegrationTest(app)
{
    private HttpClient NewBrowser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task The_right_password_signs_in_and_is_recorded()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        var client = NewBrowser();

        var response = await SignInAsync(client, account.Email.ToUpperInvariant(), AppFixture.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var session = App.QuerySession();
        (await session.Query<AuditEntry>().CountAsync(e => e.AccountId == account.Id && e.Kind == AuditKind.SignedIn)).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var account = await App.CreateAccountAsync(Role.Operator);

        var wrongPassword = await (await SignInAsync(NewBrowser(), account.Email, "falsches Passwort!")).Content.ReadAsStringAsync();
        var unknown = await (await SignInAsync(NewBrowser(), "niemand@example.org", "falsches Passwort!")).Content.ReadAsStringAsync();

        wrongPassword.ShouldContain(SignIn.WrongCredentials);
        unknown.ShouldContain(SignIn.WrongCredentials);
    }

    [Fact]
    public async Task The_11th_attempt_within_a_minute_is_refused_even_with_the_right_password()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        var client = NewBrowser();
        for (var i = 0; i < 10; i++)
        {
            App.Clock.Advance(TimeSpan.FromSeconds(5));
            await SignInAsync(client, account.Email, $"falsch-falsch-{i}");
        }

        var eleventh = await SignInAsync(client, account.Email, AppFixture.Password);

        eleventh.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await eleventh.Content.ReadAsStringAsync();
        html.ShouldContain("Zu viele Fehlversuche");
        html.ShouldContain("Auch das richtige Passwort wird bis dahin nicht angenommen.");
        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var session = App.QuerySession();
        (await session.Query<AuditEntry>().CountAsync(e => e.AccountId == account.Id && e.Kind == AuditKind.LockedOut)).ShouldBe(1);
    }

    [Fact]
    public async Task A_lock_ends_after_the_lockout_window()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        for (var i = 0; i < 10; i++) await SignInAsync(NewBrowser(), account.Email, $"falsch-falsch-{i}");

        App.Clock.Advance(TimeSpan.FromMinutes(16));

        (await SignInAsync(NewBrowser(), account.Email, AppFixture.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_a_copied_cookie_is_useless()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        var jar = new CookieContainer();
        var client = App.CreateDefaultClient(new CookieContainerHandler(jar));
        await SignInAsync(client, account.Email, AppFixture.Password);
        var copiedJar = new CookieContainer();
        copiedJar.Add(jar.GetCookies(client.BaseAddress!));
        var stolen = App.CreateDefaultClient(new CookieContainerHandler(copiedJar));
        (await stolen.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await FormPost.SubmitAsync(client, "/Intake", new Dictionary<string, string>(), "/Account/SignOut");

        var replay = await stolen.GetAsync("/Intake");
        replay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replay.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task An_operator_session_ends_after_30_idle_minutes()
    {
        var client = await App.SignedInClientAsync(Role.Operator);
        App.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);

        App.Clock.Advance(TimeSpan.FromMinutes(31));

        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_volunteer_may_stay_idle_longer_than_an_operator()
    {
        var client = await App.SignedInClientAsync(Role.Volunteer);

        App.Clock.Advance(TimeSpan.FromMinutes(45));

        (await client.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_limit_however_active()
    {
        var client = await App.SignedInClientAsync(Role.Operator);
        for (var hour = 0; hour < 12 * 3 - 1; hour++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(20));

        (await client.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_device()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        var laptop = NewBrowser();
        var desk = NewBrowser();
        await SignInAsync(laptop, account.Email, AppFixture.Password);
        await SignInAsync(desk, account.Email, AppFixture.Password);

        var changed = await FormPost.SubmitAsync(desk, "/Account", new Dictionary<string, string>
        {
            ["CurrentPassword"] = AppFixture.Password, ["NewPassword"] = "Ein ganz anderer Satz 2026", ["NewPasswordConfirmation"] = "Ein ganz anderer Satz 2026",
        }, "/Account/ChangePassword");

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await desk.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await laptop.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInAsync(NewBrowser(), account.Email, "Ein ganz anderer Satz 2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_field_error_and_changes_nothing()
    {
        var client = await App.SignedInClientAsync(Role.Operator);

        var response = await FormPost.SubmitAsync(client, "/Account", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "nicht mein Passwort", ["NewPassword"] = "Ein ganz anderer Satz 2026", ["NewPasswordConfirmation"] = "Ein ganz anderer Satz 2026",
        }, "/Account/ChangePassword");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Das bisherige Passwort stimmt nicht.");
    }

    [Fact]
    public async Task Sign_in_from_too_many_attempts_per_address_is_answered_with_429_in_German()
    {
        var strict = App.Variant(("Accounts:AuthRequestsPerMinute", "3"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await SignInAsync(client, "niemand@example.org", "irgendwas-123")).StatusCode);

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        var last = await SignInAsync(client, "niemand@example.org", "irgendwas-123");
        (await last.Content.ReadAsStringAsync()).ShouldContain("Zu viele Versuche");
    }
}
