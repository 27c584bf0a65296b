using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class EmailPreferenceTests(AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task A_volunteer_chooses_reminder_emails_on_the_profile_form_and_gets_only_those()
    {
        var browser = await App.SignedInClientAsync(Role.Volunteer);
        var form = await browser.GetStringAsync("/Board/Profile");
        form.ShouldContain("Diese Erinnerungen möchte ich per E-Mail");
        form.ShouldContain("value=\"ClaimDetails\" checked=\"checked\"");

        var saved = await FormPost.SubmitAsync(browser, "/Board/Profile", new Dictionary<string, string>
        {
            ["Topics"] = "tablet", ["Districts"] = "erfenbach", ["HelpModes"] = "telefon", ["Languages"] = "de", ["Capacity"] = "2",
            ["Invitations"] = "all", ["EmailChoices"] = "true", ["Emails"] = "AppointmentReminders",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var session = App.QuerySession();
        var profile = (await session.Query<VolunteerProfile>().ToListAsync()).ShouldHaveSingleItem();
        profile.Emails.ShouldBe(new VolunteerEmails(ClaimDetails: false, AppointmentReminders: true, Nudges: false));
        (await browser.GetStringAsync("/Board/Profile")).ShouldNotContain("value=\"ClaimDetails\" checked=\"checked\"");
    }

    [Fact]
    public async Task The_api_reads_and_writes_the_email_choices()
    {
        var api = await App.ApiClientAsync(Role.Volunteer);

        var put = await api.PutAsJsonAsync("/api/v1/volunteers/me", new
        {
            topics = new[] { "tablet" }, districts = new[] { "erfenbach" }, languages = new[] { "de" }, helpModes = new[] { "telefon" }, capacity = 2,
            emails = new { claimDetails = true, appointmentReminders = false, nudges = false },
        });

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var emails = (await api.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/me")).GetProperty("emails");
        emails.GetProperty("claimDetails").GetBoolean().ShouldBeTrue();
        emails.GetProperty("appointmentReminders").GetBoolean().ShouldBeFalse();
        emails.GetProperty("nudges").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_volunteer_without_nudges_is_not_nudged_but_still_told_when_the_claim_expires()
    {
        var volunteer = await VolunteerAsync(new VolunteerEmails(Nudges: false));
        var request = await LogCallAsync();
        await StepAsync(volunteer, request, "claim");

        await AtAsync(AppFixture.Start.AddDays(5));
        await AtAsync(AppFixture.Start.AddDays(8));

        MailsAbout("Noch kein Termin").ShouldBeEmpty();
        MailsAbout("ist wieder frei").ShouldHaveSingleItem().To.ToString().ShouldContain(volunteer.Account.Email);
    }
}
