using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// The requests that answered 500 in the pen test, and dates that could poison the reminders.
public sealed class InputBoundsTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(Guid Request, HttpClient Api, HttpClient Browser)> ClaimedAsync()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var account = await App.CreateAccountAsync(Role.Volunteer);
        var key = await App.SendAsync(new CreateApiKey.Command(account.Email, "Test"));
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await api.PostAsync($"/api/v1/help-requests/{request.Id}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await FormPost.SubmitAsync(browser, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = AppFixture.Password });
        return (request.Id, api, browser);
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z", "zwischen 1900 und 2100")]
    [InlineData("2028-01-01T10:00:00Z", "höchstens 365 Tage")]
    [InlineData("2026-11-25T10:00:00Z", "in der Zukunft")]
    public async Task An_appointment_outside_the_next_year_is_a_field_error_over_the_api(string at, string message)
    {
        var (request, api, _) = await ClaimedAsync();

        var response = await api.PostAsJsonAsync($"/api/v1/help-requests/{request}/appointment", new { at, mode = "telefon" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request)).ShouldNotContain(e => e.Data is AppointmentScheduled);
    }

    [Theory]
    [InlineData("0001-01-01T00:00")]
    [InlineData("9999-12-31T23:59")]
    public async Task An_appointment_typed_far_outside_any_sense_is_a_notice_on_the_form_not_a_500(string atLocal)
    {
        var (request, _, browser) = await ClaimedAsync();

        var response = await FormPost.SubmitAsync(browser, $"/Board/{request}",
            new Dictionary<string, string> { ["AtLocal"] = atLocal, ["Mode"] = "telefon" }, $"/HelpRequests/{request}/Appointment");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetStringAsync($"/Board/{request}")).ShouldContain("zwischen 1900 und 2100");
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request)).ShouldNotContain(e => e.Data is AppointmentScheduled);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("callerName")]
    [InlineData("preferredTimes")]
    public async Task A_nul_character_in_an_api_intake_field_is_a_400_naming_the_field_and_stores_nothing(string field)
    {
        var api = await App.ApiClientAsync(Role.Operator);
        var body = new Dictionary<string, object>
        {
            ["callerName"] = "Erika Mustermann", ["phone"] = "0631 123456", ["topic"] = "tablet", ["description"] = "Hilfe",
            ["district"] = "erfenbach", ["helpMode"] = "telefon", ["preferredTimes"] = "vormittags", ["consent"] = true,
        };
        body[field] = "vor\u0000her";

        var response = await api.PostAsJsonAsync("/api/v1/help-requests", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        await using var session = App.QuerySession();
        (await session.Query<HelpRequest>().CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("/Intake", "CallerName")]
    [InlineData("/Account/SignIn", "Email")]
    [InlineData("/Account/Register", "Name")]
    [InlineData("/Account/ForgotPassword", "Email")]
    public async Task A_nul_character_in_a_form_is_a_400_page_that_says_why(string page, string field)
    {
        var client = page == "/Intake" ? await App.SignedInClientAsync(Role.Operator)
            : App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await FormPost.SubmitAsync(client, page, new Dictionary<string, string> { [field] = "Erika\u0000" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("unzulässige Steuerzeichen");
    }

    [Fact]
    public async Task Other_control_characters_in_a_form_are_field_errors_and_the_form_keeps_the_rest()
    {
        var operatorClient = await App.SignedInClientAsync(Role.Operator);

        var response = await FormPost.SubmitAsync(operatorClient, "/Intake", new Dictionary<string, string>
        {
            ["Phone"] = "0631 123456", ["CallerName"] = "Erika\u001b[2J Mustermann", ["Topic"] = "tablet", ["Description"] = "Hilfe beim Tablet",
            ["District"] = "erfenbach", ["HelpMode"] = "telefon", ["Consent"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("unzulässige Steuerzeichen");
        html.ShouldContain("Hilfe beim Tablet");
        await using var session = App.QuerySession();
        (await session.Query<HelpRequest>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_availability_slot_in_the_profile_is_a_400_not_a_500()
    {
        var api = await App.ApiClientAsync(Role.Volunteer);

        var response = await api.PutAsync("/api/v1/volunteers/me", new StringContent(
            """{"topics":["tablet"],"districts":["erfenbach"],"languages":["de"],"helpModes":["telefon"],"capacity":2,"availability":[null]}""",
            System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_callback_planned_for_the_year_9999_is_a_field_error()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var operatorClient = await App.SignedInClientAsync(Role.Operator);

        var response = await FormPost.SubmitAsync(operatorClient, $"/HelpRequests/{request.Id}",
            new Dictionary<string, string> { ["DueLocal"] = "9999-12-31T10:00", ["Reason"] = "zurückrufen" }, $"/HelpRequests/{request.Id}/Callback");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("zwischen 1900 und 2100");
    }

    // Checkbox lists posted with empty entries bind as nulls inside the list.
    [Fact]
    public async Task Empty_entries_in_the_profiles_checkbox_lists_are_no_500()
    {
        var volunteer = await App.SignedInClientAsync(Role.Volunteer);
        var page = await volunteer.GetStringAsync("/Board/Profile");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var body = new FormUrlEncodedContent([
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new("Topics", "tablet"), new("Topics", ""), new("HelpModes", "telefon"), new("Districts", "erfenbach"),
            new("Languages", ""), new("Languages", "tr"), new("Slots", ""), new("Slots", "Monday-morning"), new("Capacity", "2"),
        ]);

        var response = await volunteer.PostAsync("/Board/Profile", body);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect);
    }
}
