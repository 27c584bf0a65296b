using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Marten;
using DigitaleHilfe.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Accounts;

public sealed class AccountAdministrationTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Deactivating_an_account_stops_its_sessions_and_api_keys_at_once()
    {
        var volunteer = await App.CreateAccountAsync(Role.Volunteer);
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormPost.SubmitAsync(browser, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = volunteer.Email, ["Password"] = AppFixture.Password });
        var key = await App.SendAsync(new CreateApiKey.Command(volunteer.Email, "Skript"));
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await api.GetAsync("/api/v1/catalog")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        await FormPost.SubmitAsync(coordinator, "/Account/SignIn",
            new Dictionary<string, string> { ["active"] = "false" }, $"/Coordination/Volunteers/{volunteer.Id}/Active");

        (await api.GetAsync("/api/v1/catalog")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = await FormPost.SubmitAsync(App.CreateClient(), "/Account/SignIn",
            new Dictionary<string, string> { ["Email"] = volunteer.Email, ["Password"] = AppFixture.Password });
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("Dieses Konto ist deaktiviert");
    }

    [Fact]
    public async Task A_coordinator_cannot_deactivate_staff_accounts()
    {
        var operatorAccount = await App.CreateAccountAsync(Role.Operator);
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var response = await FormPost.SubmitAsync(coordinator, "/Account/SignIn",
            new Dictionary<string, string> { ["active"] = "false" }, $"/Coordination/Volunteers/{operatorAccount.Id}/Active");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var session = App.QuerySession();
        (await session.LoadAsync<Account>(operatorAccount.Id))!.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task A_role_change_applies_to_an_open_session_at_once_and_is_recorded()
    {
        var account = await App.CreateAccountAsync(Role.Operator);
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormPost.SubmitAsync(browser, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = AppFixture.Password });
        (await browser.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await App.SignedInClientAsync(Role.Admin);
        await FormPost.SubmitAsync(admin, "/Account/SignIn", new Dictionary<string, string> { ["roles"] = "Volunteer" }, $"/Admin/Accounts/{account.Id}/Roles");

        (await browser.GetAsync("/Intake")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var audit = await admin.GetStringAsync("/Admin/Audit");
        audit.ShouldContain("Rollen geändert");
        audit.ShouldContain("Operator → Volunteer");
    }

    [Fact]
    public async Task The_last_admin_keeps_the_admin_role()
    {
        var admin = await App.CreateAccountAsync(Role.Admin);

        var refusal = await App.SendAsync(new ChangeRoles.Command(admin.Id, [Role.Coordinator]));

        refusal.ShouldNotBeNull().ShouldContain("letzte aktive Konto mit der Rolle Administration");
    }

    [Fact]
    public async Task Admins_see_sign_ins_and_failures_with_time_and_address()
    {
        var operatorAccount = await App.CreateAccountAsync(Role.Operator);
        await FormPost.SubmitAsync(App.CreateClient(), "/Account/SignIn",
            new Dictionary<string, string> { ["Email"] = operatorAccount.Email, ["Password"] = "daneben-daneben" });

        var audit = await (await App.SignedInClientAsync(Role.Admin)).GetStringAsync("/Admin/Audit");

        audit.ShouldContain("Anmeldung fehlgeschlagen");
        audit.ShouldContain(operatorAccount.Email);
        audit.ShouldContain("Angemeldet");
    }

    [Fact]
    public void A_cookie_protected_on_one_node_is_read_on_another_through_postgres()
    {
        // Two separate Data Protection setups stand in for two app nodes; they share only PostgreSQL.
        // (The test app's own key ring is left alone: rotating it mid-suite would break other tests.)
        IDataProtector Node()
        {
            var services = new ServiceCollection();
            services.AddSingleton(App.Services.GetRequiredService<IDocumentStore>());
            services.AddDataProtection().SetApplicationName("DigitaleHilfe");
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
                o => o.XmlRepository = new PostgresKeyRepository(provider.GetRequiredService<IDocumentStore>())));
            return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        }

        var secret = Node().Protect("sitzung-123");

        Node().Unprotect(secret).ShouldBe("sitzung-123");
    }

    [Fact]
    public async Task Two_invitations_of_one_address_at_the_same_moment_make_one_account_and_a_field_error_not_a_500()
    {
        var first = await App.SignedInClientAsync(Role.Admin);
        var second = await App.SignedInClientAsync(Role.Admin);
        var fields = new Dictionary<string, string> { ["Email"] = "hanna@example.org", ["Name"] = "Hanna Hotline", ["Roles"] = "Operator" };

        var answers = await Task.WhenAll(
            FormPost.SubmitAsync(first, "/Admin/Accounts", fields, "/Admin/Accounts/Invite"),
            FormPost.SubmitAsync(second, "/Admin/Accounts", fields, "/Admin/Accounts/Invite"));

        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.Redirect, HttpStatusCode.OK], ignoreOrder: true);
        (await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync()).ShouldContain("Es gibt schon ein Konto für hanna@example.org.");
        await using var session = App.QuerySession();
        (await session.Query<Account>().CountAsync(a => a.Email == "hanna@example.org")).ShouldBe(1);
    }

    [Fact]
    public async Task An_invitation_with_an_empty_or_unknown_role_is_a_field_error()
    {
        var admin = await App.SignedInClientAsync(Role.Admin);

        var empty = await FormPost.SubmitAsync(admin, "/Admin/Accounts",
            new Dictionary<string, string> { ["Email"] = "nora@example.org", ["Name"] = "Nora", ["Roles"] = "" }, "/Admin/Accounts/Invite");
        var unknown = await FormPost.SubmitAsync(admin, "/Admin/Accounts",
            new Dictionary<string, string> { ["Email"] = "nora@example.org", ["Name"] = "Nora", ["Roles"] = "Chef" }, "/Admin/Accounts/Invite");

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("error-summary");
        await using var session = App.QuerySession();
        (await session.Query<Account>().AnyAsync(a => a.Email == "nora@example.org")).ShouldBeFalse();
    }
}
