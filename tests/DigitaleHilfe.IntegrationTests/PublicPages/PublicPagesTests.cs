using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitaleHilfe.IntegrationTests.PublicPages;

public sealed class PublicPagesTests(AppFixture app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/Datenschutz", "Datenschutzbeauftragte")]
    [InlineData("/Impressum", "Willy-Brandt-Platz 1")]
    [InlineData("/Barrierefreiheit", "Barrieren melden: Feedback und Kontakt")]
    [InlineData("/LeichteSprache", "Die Hilfe kostet nichts.")]
    public async Task Each_public_page_is_open_without_an_account_and_filled_from_the_service_settings(string path, string text)
    {
        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(text);
        html.ShouldContain("href=\"/Barrierefreiheit#feedback\"");
    }

    [Fact]
    public async Task A_citys_own_page_file_replaces_the_built_in_text()
    {
        var folder = Directory.CreateTempSubdirectory("dh-pages").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "impressum.html"), "<h1>Impressum</h1><p>Stadt Musterstadt, Rathausplatz 1</p>");
        var city = App.Variant(("Service:PagesPath", folder), ("Service:Name", "Digitale Hilfe Musterstadt"));

        var imprint = await city.CreateClient().GetStringAsync("/Impressum");
        imprint.ShouldContain("Stadt Musterstadt, Rathausplatz 1");
        imprint.ShouldNotContain("Willy-Brandt-Platz");
        imprint.ShouldContain("Digitale Hilfe Musterstadt");
        (await city.CreateClient().GetStringAsync("/Datenschutz")).ShouldContain("Datenschutzbeauftragte");
    }

    [Fact]
    public async Task Only_the_claimer_opens_the_visit_sheet_and_the_look_is_recorded()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var claimer = await App.CreateAccountAsync(Role.Volunteer);
        var claimerClient = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormPost.SubmitAsync(claimerClient, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = claimer.Email, ["Password"] = AppFixture.Password });
        await FormPost.SubmitAsync(claimerClient, $"/Board/{logged.Id}", new Dictionary<string, string>(), $"/HelpRequests/{logged.Id}/Claim");
        var other = await App.SignedInClientAsync(Role.Volunteer);

        (await other.GetAsync($"/Board/{logged.Id}/Besuchszettel")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var sheet = await claimerClient.GetStringAsync($"/Board/{logged.Id}/Besuchszettel");
        sheet.ShouldContain("Fackelstraße 12, 67655 Kaiserslautern");
        sheet.ShouldContain("0631 365-1234");

        await using var session = App.QuerySession();
        var views = (await session.Events.FetchStreamAsync(logged.Id)).Count(e => e.Data is Web.Features.Board.ContactDetailsViewed);
        views.ShouldBe(1);   // the sheet (the claim itself shows no page here)
    }
}
