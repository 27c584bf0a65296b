using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Security;

// The access matrix of docs/security.md, tried for anonymous and each role on every page and API route.
public sealed class AccessMatrixTests(AppFixture app) : IntegrationTest(app)
{
    private const string O = "Operator", V = "Volunteer", C = "Coordinator", A = "Admin";
    private static readonly string[] Everyone = [O, V, C, A];

    public sealed record Route(string Method, string Path, string[] Allowed, bool Api = false, bool Anonymous = false)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    // {id} is replaced by a real request id, {account} by a volunteer's account id.
    public static readonly Route[] Routes =
    [
        new("GET", "/Intake", [O, C]),
        new("POST", "/Intake", [O, C]),
        new("GET", "/HelpRequests", [O, C]),
        new("GET", "/HelpRequests/{id}", [O, C]),
        new("GET", "/Intake/Caller?phone=0631123456", [O, C]),
        new("GET", "/Intake/Done/{id}", [O, C]),
        new("POST", "/HelpRequests/{id}/Details", [O, C]),
        new("POST", "/HelpRequests/{id}/Callback", [O, C]),
        new("GET", "/Callbacks", [O, C]),
        new("POST", "/Callbacks/{task}/Complete", [O, C]),
        new("GET", "/Search?q=becker", [O, C]),
        new("GET", "/Callers/{caller}", [O, C]),
        new("POST", "/Callers/{caller}", [O, C]),
        new("POST", "/Callers/{caller}/Merge", [O, C]),
        new("GET", "/Board", [V]),
        new("GET", "/Board/{id}", [V]),
        new("GET", "/Board/Mine", [V]),
        new("GET", "/Board/Profile", [V]),
        new("GET", "/Invitations/unknown-token", [V]),
        new("POST", "/HelpRequests/{id}/Claim", [O, V, C]),
        new("POST", "/HelpRequests/{id}/Note", [O, V, C]),
        new("GET", "/Account", Everyone),
        new("GET", "/Coordination/Volunteers", [C, A]),
        new("POST", "/Coordination/Volunteers/{account}/Active", [C, A]),
        new("POST", "/Coordination/Volunteers/{account}/Approve", [C, A]),
        new("POST", "/Coordination/Volunteers/{account}/Reject", [C, A]),
        new("POST", "/Coordination/Volunteers/{account}/Certificate", [C, A]),
        new("GET", "/Admin/Accounts", [A]),
        new("POST", "/Admin/Accounts/{account}/Roles", [A]),
        new("GET", "/Admin/Audit", [A]),
        new("GET", "/jobs", [A]),
        new("POST", "/Admin/Accounts/Invite", [A]),
        new("POST", "/Admin/Accounts/{account}/PasswordLink", [A]),
        new("GET", "/Datenschutz", [O, V, C, A], Anonymous: true),
        new("GET", "/Impressum", [O, V, C, A], Anonymous: true),
        new("GET", "/Barrierefreiheit", [O, V, C, A], Anonymous: true),
        new("GET", "/LeichteSprache", [O, V, C, A], Anonymous: true),
        new("GET", "/Emails/Undeliverable", [C, A]),
        new("GET", "/Coordination/Alerts", [C, A]),
        new("POST", "/Coordination/Alerts/Releases/none/Dismiss", [C, A]),
        new("POST", "/Emails/Undeliverable/0196a5e0-0000-7000-8000-000000000000/Dismiss", [C, A]),
        new("GET", "/Nachfrage/unknown-token", Everyone, Anonymous: true),
        new("GET", "/Account/SignIn", Everyone, Anonymous: true),
        new("GET", "/Account/Register", Everyone, Anonymous: true),
        new("GET", "/Account/ForgotPassword", Everyone, Anonymous: true),
        new("GET", "/Account/ResetPassword?token=x", Everyone, Anonymous: true),
        new("GET", "/Account/ConfirmEmail?token=x", Everyone, Anonymous: true),
        new("GET", "/health/live", Everyone, Anonymous: true),
        new("GET", "/health/ready", Everyone, Anonymous: true),
        new("GET", "/api/v1/help-requests", [O, C], Api: true),
        new("POST", "/api/v1/help-requests", [O, C], Api: true),
        new("GET", "/api/v1/help-requests/{id}", [O, C], Api: true),
        new("GET", "/api/v1/catalog", Everyone, Api: true),
        new("GET", "/api/v1/callers?phone=0631123456", [O, C], Api: true),
        new("POST", "/api/v1/calls/incoming", [O, C], Api: true),
        new("POST", "/api/v1/help-requests/{id}/claim", [O, V, C], Api: true),
        new("POST", "/api/v1/help-requests/{id}/close", [O, V, C], Api: true),
        new("POST", "/api/v1/help-requests/{id}/appointment/cancel", [O, V, C], Api: true),
        new("GET", "/api/v1/volunteers/me", [V], Api: true),
        new("GET", "/api/v1/help-requests/{id}/suggestions", [C, A], Api: true),
        new("POST", "/Callers/{caller}/ConsentWithdrawn", [O, C]),
        new("POST", "/Callers/{caller}/Erase", [C]),
        new("GET", "/Callers/{caller}/Auskunft", [C]),
        new("GET", "/Callers/{caller}/Auskunft.json", [C]),
        new("GET", "/Account/Auskunft", Everyone),
        new("GET", "/Account/Auskunft.json", Everyone),
        new("POST", "/Admin/Accounts/{account}/Erase", [A]),
        new("POST", "/api/v1/callers/{caller}/erase", [C], Api: true),
        new("POST", "/api/v1/callers/{caller}/consent-withdrawn", [O, C], Api: true),
        new("GET", "/api/v1/callers/{caller}/export", [C], Api: true),
        new("GET", "/Cockpit", [C]),
        new("GET", "/Statistik/Zahlen.csv?from=2026-01-01&to=2026-12-31", [C]),
        new("GET", "/Statistik/Anfragen.csv?from=2026-01-01&to=2026-12-31", [C]),
        new("GET", "/Statistik/OffeneDaten.csv?from=2026-01-01&to=2026-12-31", [C]),
        new("GET", "/Statistik/Jahresbericht/2026", [C]),
        new("GET", "/Statistik/Jahresbericht/2026.pdf", [C]),
        new("GET", "/Statistik/Nachweis/{account}/2026.pdf", [C]),
        new("GET", "/Board/Mine/Nachweis/2026.pdf", [V]),
        new("GET", "/api/v1/statistics?from=2026-01-01&to=2026-12-31", [C], Api: true),
        new("GET", "/Admin/Ort", [A]),
        new("POST", "/Admin/Ort", [A]),
        new("GET", "/Admin/Ort/Auswahl", [A]),
        new("POST", "/Admin/Ort/Auswahl", [A]),
        // The network admin's pages: no role of a town (Tenancy/TownAdministrationTests and AddTownTests try the network admin).
        new("GET", "/Netz", []),
        new("GET", "/Netz/Orte/Neu", []),
        new("POST", "/Netz/Orte/Neu", []),
    ];

    public static TheoryData<Route, string> Cases()
    {
        var data = new TheoryData<Route, string>();
        foreach (var route in Routes)
            foreach (var who in new[] { "anonymous", O, V, C, A })
                data.Add(route, who);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_route_answers_each_role_as_the_matrix_says(Route route, string who)
    {
        var client = who == "anonymous"
            ? App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : route.Api ? await App.ApiClientAsync(Enum.Parse<Role>(who)) : await App.SignedInClientAsync(Enum.Parse<Role>(who));
        var path = await FillInAsync(route.Path);

        var response = route switch
        {
            { Method: "GET" } => await client.GetAsync(path),
            { Api: true } => await client.PostAsJsonAsync(path, new { }),
            _ => await FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string>(), path),
        };

        var allowed = route.Anonymous || (who != "anonymous" && route.Allowed.Contains(who));
        if (allowed)
        {
            response.StatusCode.ShouldNotBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
            (response.Headers.Location?.ToString() ?? "").ShouldNotContain("/Account/SignIn");
        }
        else if (who == "anonymous" && route.Api)
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        else if (who == "anonymous")
            response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        else
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Every_controller_action_names_a_policy_or_is_anonymous_on_purpose()
    {
        string[] anonymousOnPurpose =
        [
            "AccountController.SignIn", "AccountController.Register", "AccountController.ConfirmEmail", "AccountController.ConfirmEmailPost",
            "AccountController.ForgotPassword", "AccountController.ResetPassword", "ErrorController.Show",
            // The follow-up link in an email to a senior, who has no account.
            "FollowUpController.Show", "FollowUpController.Answer",
            // The pages every public service must have (Datenschutz, Impressum, Barrierefreiheit, Leichte Sprache).
            "PublicPagesController.Privacy", "PublicPagesController.Imprint", "PublicPagesController.Accessibility", "PublicPagesController.EasyLanguage",
        ];
        var actions = App.Services.GetRequiredService<IActionDescriptorCollectionProvider>()
            .ActionDescriptors.Items.OfType<ControllerActionDescriptor>().ToList();
        actions.Count.ShouldBeGreaterThan(20);

        foreach (var action in actions)
        {
            var name = $"{action.ControllerTypeInfo.Name}.{action.ActionName}";
            var anonymous = action.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var policies = action.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).ToList();

            if (anonymous) anonymousOnPurpose.ShouldContain(name, $"{name} is anonymous by accident");
            else policies.ShouldNotBeEmpty($"{name} names no authorization policy");
        }
    }

    [Fact]
    public async Task Api_answers_401_and_403_as_problem_details()
    {
        var noKey = await App.CreateClient().GetAsync("/api/v1/help-requests");
        var wrongKey = await App.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/help-requests")
        {
            Headers = { Authorization = new("Bearer", "dh_ausgedacht") },
        });
        var volunteer = await (await App.ApiClientAsync(Role.Volunteer)).PostAsJsonAsync("/api/v1/help-requests", new { });

        noKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongKey.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        volunteer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var response in new[] { noKey, wrongKey, volunteer })
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_api_ignores_a_sign_in_cookie()
    {
        var browser = await App.SignedInClientAsync(Role.Operator);

        (await browser.GetAsync("/api/v1/help-requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_person_without_the_role_sees_a_friendly_403_page()
    {
        var response = await (await App.SignedInClientAsync(Role.Volunteer)).GetAsync("/Intake");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Dafür fehlt Ihnen die Berechtigung.");
    }

    private async Task<string> FillInAsync(string path)
    {
        if (path.Contains("{id}"))
            path = path.Replace("{id}", (await App.SendAsync(AppFixture.ValidCall())).Id.ToString());
        if (path.Contains("{caller}"))
            path = path.Replace("{caller}", (await App.SendAsync(AppFixture.ValidCall())).CallerId.ToString());
        if (path.Contains("{task}"))
        {
            var request = await App.SendAsync(AppFixture.ValidCall());
            var task = await App.SendAsync(new Callbacks.Plan { RequestId = request.Id, DueLocal = new DateTime(2026, 11, 27, 10, 0, 0), Reason = "Test" });
            path = path.Replace("{task}", task.ToString());
        }
        if (path.Contains("{account}"))
            path = path.Replace("{account}", (await App.CreateAccountAsync(Role.Volunteer)).Id.ToString());
        return path;
    }
}
