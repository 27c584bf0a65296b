using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.IntegrationTests.Statistics;

public sealed class AsOfTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_request_page_shows_the_request_as_it_was_at_a_moment_from_its_events()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        App.Clock.SetUtcNow(AppFixture.Start.AddHours(2));
        await App.SendAsync(new AddDetails.Command { RequestId = logged.Id, Text = "Später ergänzt: Enkel hilft mit" });
        var staff = await App.SignedInClientAsync(Role.Coordinator);

        // 09:00 UTC is 10:00 in Berlin; an hour later only the call had been logged.
        var then = await staff.GetStringAsync($"/HelpRequests/{logged.Id}?asOf=2026-11-26T10:30");
        var now = await staff.GetStringAsync($"/HelpRequests/{logged.Id}");
        var nonsense = await staff.GetAsync($"/HelpRequests/{logged.Id}?asOf=0001-01-01T00:00");

        then.ShouldContain("So sah die Anfrage am <strong>26.11.2026, 10:30 Uhr</strong> aus");
        then.ShouldNotContain("Später ergänzt");
        then.ShouldNotContain("Angaben ergänzen");
        now.ShouldContain("Später ergänzt");
        nonsense.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await nonsense.Content.ReadAsStringAsync()).ShouldContain("Bitte wählen Sie einen Zeitpunkt zwischen 2020 und 2100.");
    }
}
