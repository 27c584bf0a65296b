using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class LogAndJobDataTests(AppFixture app) : PrivacyTest(app)
{
    // Personal data never goes into logs or Hangfire's job arguments and history (docs/privacy.md).
    [Fact]
    public async Task A_full_journey_leaves_no_name_number_address_or_email_in_the_logs_or_the_job_tables()
    {
        App.Logs.Clear();
        var senior = await SeniorWithHistoryAsync();
        await WhileMailServerIsDownAsync(async () =>
        {
            // A mail that fails on the way also leaves its error in the log and in Hangfire's history.
            var again = await App.SendAsync(AppFixture.ValidCall(Name) with { CallerId = senior.CallerId, Phone = Phone, HelpMode = "telefon" });
            await StepAsync(senior.Volunteer, again.Id, "claim");
            await StepAsync(senior.Volunteer, again.Id, "appointment", new { at = App.Clock.GetUtcNow().AddDays(2), mode = "telefon", place = "Quittenweg 17" });
            await SettleAsync();
        });
        await SettleAsync();
        var jobs = await DatabaseDump.AllAsync("hangfire");
        var logs = string.Join("\n", App.Logs.Lines);

        jobs.ShouldContain("SendReminder");                 // the job tables were filled by this journey
        App.Logs.Lines.Count.ShouldBeGreaterThan(10);
        foreach (var data in new[] { "Wilhelmine", "Quastenberg", "7654321", "Quittenweg", "Quittenbaum", Email })
        {
            logs.ShouldNotContain(data, Case.Insensitive);
            jobs.ShouldNotContain(data, Case.Insensitive);
        }
    }
}
