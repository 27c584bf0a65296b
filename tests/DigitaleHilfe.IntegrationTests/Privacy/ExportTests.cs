using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Board;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class ExportTests(AppFixture app) : PrivacyTest(app)
{
    [Fact]
    public async Task The_art_15_export_holds_every_stored_item_of_the_senior_and_nothing_of_another_senior()
    {
        var senior = await SeniorWithHistoryAsync();
        var other = await SeniorWithHistoryAsync("Bartholomaeus Zwiebelmann", "0631 1112223", "b.zwiebelmann@example.org");
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(senior.Resolved, new ContactDetailsViewed(senior.Resolved, senior.Volunteer.Account.Id, senior.Volunteer.Account.Name, App.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        var coordinator = await App.ApiClientAsync(Role.Coordinator);

        var response = await coordinator.GetAsync($"/api/v1/callers/{senior.CallerId}/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        var text = System.Text.RegularExpressions.Regex.Unescape(json);
        PersonalData.Where(d => !text.Contains(d)).ShouldBeEmpty();
        text.ShouldContain(Email);
        text.ShouldContain("2026-12/12");                                  // the consent's text version and wording
        text.ShouldContain("12 Monate nach Ihrer letzten Anfrage");
        text.ShouldContain("Terminbestätigung");                           // the mail that went to the senior
        text.ShouldContain("Kontaktdaten angesehen");
        foreach (var foreign in new[] { "Bartholomaeus", "Zwiebelmann", "1112223" }) text.ShouldNotContain(foreign);
        // Other people by first name only: "Test Volunteer" appears as "Test".
        foreach (var fullName in new[] { "Test Volunteer", "Test Operator", "Test Coordinator", senior.Volunteer.Account.Email }) text.ShouldNotContain(fullName);
        other.CallerId.ShouldNotBe(senior.CallerId);
    }

    [Fact]
    public async Task The_export_page_is_readable_and_downloadable_as_json_for_coordinators_only()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var page = await coordinator.GetStringAsync($"/Callers/{logged.CallerId}/Auskunft");
        var file = await coordinator.GetAsync($"/Callers/{logged.CallerId}/Auskunft.json");
        var hotline = await (await App.SignedInClientAsync(Role.Operator)).GetAsync($"/Callers/{logged.CallerId}/Auskunft");

        page.ShouldContain("Auskunft über gespeicherte Daten");
        page.ShouldContain("Erika Mustermann");
        page.ShouldContain("Fackelstraße 12");
        file.Content.Headers.ContentDisposition!.FileName!.ShouldStartWith("auskunft-");
        (await file.Content.ReadAsStringAsync()).ShouldContain("Fackelstraße 12");
        hotline.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync($"/Callers/{Guid.NewGuid()}/Auskunft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
