using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class AccountErasureTests(AppFixture app) : PrivacyTest(app)
{
    private const string VolunteerName = "Kunigunde Schlehdorn", VolunteerEmail = "kunigunde.schlehdorn@example.org";

    private async Task<(Account Account, HttpClient Api, HttpClient Browser, Guid Request)> VolunteerWhoHelpedAsync()
    {
        var created = await App.SendAsync(new CreateAccount.Command(VolunteerEmail, VolunteerName, [Role.Volunteer], AppFixture.Password));
        var account = created.Account!;
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Store(account with { Certificate = AppFixture.ValidCertificate });
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, ["tablet"], ["erfenbach"], ["de"], ["telefon"], 3, [], null,
                VolunteerName, AppFixture.Start));
            await session.SaveChangesAsync();
        }
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await App.SendAsync(new CreateApiKey.Command(VolunteerEmail, "Handy")));
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await FormPost.SubmitAsync(browser, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = VolunteerEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logged = await App.SendAsync(AppFixture.ValidCall() with { HelpMode = "telefon" });
        foreach (var (step, body) in new (string, object)[] { ("claim", new { }), ("resolve", new { outcome = "Solved", minutesSpent = 45, evenBeforeAppointment = true }) })
            (await api.PostAsJsonAsync($"/api/v1/help-requests/{logged.Id}/{step}", body)).EnsureSuccessStatusCode();
        await SettleAsync();
        return (account, api, browser, logged.Id);
    }

    private async Task<int> MinutesThisYearAsync(Guid id) =>
        (await App.SendAsync(new VolunteerOverview.Query())).Approved.Concat((await App.SendAsync(new VolunteerOverview.Query())).Inactive)
            .Concat((await App.SendAsync(new VolunteerOverview.Query())).Waiting).Single(r => r.Account.Id == id).MinutesThisYear;

    [Fact]
    public async Task An_erased_volunteer_leaves_no_name_or_address_in_the_database_and_their_hours_still_count()
    {
        var (account, _, _, request) = await VolunteerWhoHelpedAsync();
        var minutes = await MinutesThisYearAsync(account.Id);
        minutes.ShouldBe(45);
        (await DatabaseDump.AllAsync()).ShouldContain("Schlehdorn");

        var admin = await App.SignedInClientAsync(Role.Admin);
        var erased = await FormPost.SubmitAsync(admin, "/Admin/Accounts", new Dictionary<string, string> { ["confirm"] = "true" }, $"/Admin/Accounts/{account.Id}/Erase");

        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Admin/Accounts")).ShouldContain("Das Konto ist gelöscht.");
        var dump = await DatabaseDump.AllAsync();
        foreach (var trace in new[] { "Kunigunde", "Schlehdorn" }) dump.ShouldNotContain(trace);
        (await MinutesThisYearAsync(account.Id)).ShouldBe(45);
        await using var session = App.QuerySession();
        (await session.LoadAsync<HelpRequest>(request))!.VolunteerName.ShouldBe(EraseAccount.FormerVolunteer);
        var timeline = await (await App.SignedInClientAsync(Role.Coordinator)).GetStringAsync($"/HelpRequests/{request}");
        timeline.ShouldContain(EraseAccount.FormerVolunteer);
    }

    [Fact]
    public async Task An_erased_volunteer_can_no_longer_sign_in_or_use_their_key()
    {
        var (account, api, browser, _) = await VolunteerWhoHelpedAsync();

        (await App.SendAsync(new EraseAccount.Command(account.Id))).ShouldBeNull();

        (await api.GetAsync("/api/v1/volunteers/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/Account")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await FormPost.SubmitAsync(again, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = VolunteerEmail, ["Password"] = AppFixture.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_volunteer_still_holding_a_request_is_not_erased_until_it_is_handed_on()
    {
        var (volunteer, _) = await ClaimedAsync();

        var refusal = await App.SendAsync(new EraseAccount.Command(volunteer.Account.Id));

        refusal.ShouldNotBeNull().ShouldContain("betreut noch 1 Anfrage");
        await using var session = App.QuerySession();
        (await session.LoadAsync<Account>(volunteer.Account.Id))!.ErasedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_volunteer_sees_everything_stored_about_them_and_nothing_about_the_senior()
    {
        var (_, _, browser, _) = await VolunteerWhoHelpedAsync();

        var page = await browser.GetStringAsync("/Account/Auskunft");
        var json = await (await browser.GetAsync("/Account/Auskunft.json")).Content.ReadAsStringAsync();

        foreach (var text in new[] { page, json })
        {
            text.ShouldContain(VolunteerEmail);
            text.ShouldContain("Übernommen");
            text.ShouldContain("Ergebnis gemeldet");
            text.ShouldNotContain("Erika");
            text.ShouldNotContain("Banking-App");
            text.ShouldNotContain("Fackelstraße");
        }
        page.ShouldContain("Anmeldung");
        (await browser.GetStringAsync("/Account")).ShouldContain("/Account/Auskunft");
    }
}
