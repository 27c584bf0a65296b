using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.IntegrationTests.Intake;

public sealed class IntakeFormTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Dictionary<string, string> ValidFields = new()
    {
        ["Phone"] = "0631 123456",
        ["CallerName"] = "Erika Mustermann",
        ["Topic"] = "videotelefonie",
        ["Description"] = "Kamera bleibt schwarz.",
        ["District"] = "morlautern",
        ["HelpMode"] = "video",
        ["Consent"] = "true",
    };

    private Task<HttpClient> Browser() => App.SignedInClientAsync(Role.Operator);

    [Fact]
    public async Task Posting_the_form_redirects_to_the_new_request_with_number_and_timeline()
    {
        var client = await Browser();

        var response = await FormPost.SubmitAsync(client, "/Intake", ValidFields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/Intake/Done/");
        var done = await client.GetStringAsync(location);
        await using var session = App.QuerySession();
        var request = await session.Query<HelpRequest>().SingleAsync();
        done.ShouldContain($"<p class=\"big-number\" aria-label=\"Vorgangsnummer {request.Number}\">{request.Number}</p>");
        var details = await client.GetStringAsync($"/HelpRequests/{request.Id}");
        details.ShouldContain("Anruf aufgenommen");
        details.ShouldContain("Einwilligung");
        details.ShouldContain("Videotelefonie");
    }

    [Fact]
    public async Task An_invalid_form_is_shown_again_with_what_was_typed_and_each_bad_field_marked()
    {
        var fields = new Dictionary<string, string>(ValidFields) { ["Description"] = "", ["Phone"] = "ruft an" };

        var response = await FormPost.SubmitAsync(await Browser(), "/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Bitte prüfen Sie Ihre Eingaben");
        html.ShouldContain("Bitte beschreiben Sie kurz");
        html.ShouldContain("Die Telefonnummer darf nur Ziffern");
        html.ShouldContain("value=\"Erika Mustermann\"");
        html.ShouldContain("value=\"ruft an\"");
        html.ShouldContain("<option selected=\"selected\" value=\"morlautern\">");
        CountOf(html, "aria-invalid=\"true\"").ShouldBe(2);
        await using var session = App.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Without_the_consent_tick_the_form_says_why_and_nothing_is_stored()
    {
        var fields = new Dictionary<string, string>(ValidFields) { ["Consent"] = "false" };

        var response = await FormPost.SubmitAsync(await Browser(), "/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ohne Einwilligung dürfen wir nichts speichern");
        await using var session = App.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
        (await session.Query<DigitaleHilfe.Web.Features.Callers.Caller>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_caller_that_no_longer_exists_is_a_field_error_not_an_error_page()
    {
        var fields = new Dictionary<string, string>(ValidFields) { ["CallerId"] = Guid.NewGuid().ToString() };

        var response = await FormPost.SubmitAsync(await Browser(), "/Intake", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Diese Person gibt es nicht mehr");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await (await Browser()).PostAsync("/Intake", new FormUrlEncodedContent(ValidFields));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var session = App.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_request_list_shows_logged_calls_and_an_empty_state()
    {
        var client = await Browser();
        (await client.GetStringAsync("/HelpRequests")).ShouldContain("Es gibt noch keine Anfragen.");

        var logged = await App.SendAsync(AppFixture.ValidCall());

        var html = await client.GetStringAsync("/HelpRequests?status=Open");
        html.ShouldContain(logged.Number);
        html.ShouldContain("Erika Mustermann");
        (await client.GetStringAsync("/HelpRequests?status=Closed")).ShouldContain("Keine Anfragen mit dem Status");
    }

    [Fact]
    public async Task An_unknown_request_page_is_a_friendly_404()
    {
        var response = await (await Browser()).GetAsync($"/HelpRequests/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Diese Seite oder Anfrage gibt es nicht.");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public async Task A_town_with_its_own_consent_wording_has_it_read_out_recorded_by_version_and_shown_in_the_export()
    {
        var admin = await App.SignedInClientAsync(Role.Admin);
        (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort", new Dictionary<string, string>
        {
            ["ConsentText"] = "Dürfen wir Ihren Namen, Ihre Nummer und Ihr Anliegen speichern? Wir löschen alles nach {Monate} Monaten.",
            ["RetentionMonths"] = "6",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var client = await Browser();

        (await client.GetStringAsync("/Intake")).ShouldContain("Bitte vorlesen: „Dürfen wir Ihren Namen, Ihre Nummer und Ihr Anliegen speichern? Wir löschen alles nach 6 Monaten.“");
        (await FormPost.SubmitAsync(client, "/Intake", ValidFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var session = App.QuerySession();
        var request = await session.Query<HelpRequest>().SingleAsync();
        request.ConsentVersion.ShouldBe($"{Towns.First}-1/6");
        var export = await (await App.SignedInClientAsync(Role.Coordinator)).GetStringAsync($"/Callers/{request.CallerId}/Auskunft");
        export.ShouldContain($"{Towns.First}-1/6");
        export.ShouldContain("Wir löschen alles nach 6 Monaten.");
    }
}
