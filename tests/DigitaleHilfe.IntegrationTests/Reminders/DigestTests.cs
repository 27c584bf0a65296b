using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Reminders;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class DigestTests(AppFixture app) : ReminderTest(app)
{
    private async Task RunDigestAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync();
    }

    [Fact]
    public async Task The_weekly_digest_is_a_recurring_job_with_a_fixed_id()
    {
        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs([DigestSchedule.JobId]).ShouldHaveSingleItem();
        job.Cron.ShouldBe("0 7 * * 1");
        job.TimeZoneId.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task Every_coordinator_gets_the_weeks_figures_once()
    {
        var coordinators = new[] { await CoordinatorAsync(), await CoordinatorAsync() };
        var volunteer = await VolunteerAsync();
        await LogCallAsync();
        await LogCallAsync();
        var resolved = await LogCallAsync();
        await StepAsync(volunteer, resolved, "claim");
        await StepAsync(volunteer, resolved, "resolve", new { outcome = "Solved", minutesSpent = 90 });
        App.Clock.SetUtcNow(AppFixture.Start.AddDays(2));

        await RunDigestAsync();
        await RunDigestAsync();

        var mails = MailsAbout("Wochenübersicht");
        mails.Count.ShouldBe(2);
        foreach (var c in coordinators) mails.ShouldContain(m => m.To.ToString().Contains(c.Email));
        var text = mails[0].TextBody!;
        text.ShouldContain("Neue Anfragen: 3");
        text.ShouldContain("Offen, noch nicht übernommen: 2");
        text.ShouldContain("Überfällig: 2");        // open for longer than 24 hours
        text.ShouldContain("Erledigt: 1");
        text.ShouldContain("Zeit der Helfenden: 1 Std. 30 Min.");
        text.ShouldNotContain("Mustermann");
    }

    [Fact]
    public async Task A_refused_coordinator_address_is_listed_and_not_tried_again_that_week()
    {
        await CoordinatorAsync();
        var refused = await App.SendAsync(new Web.Features.Accounts.CreateAccount.Command(
            $"{TestSmtpServer.RefusedMarker}@example.org", "Karl Koordination", [Web.Features.Accounts.Role.Coordinator], AppFixture.Password));

        await RunDigestAsync();
        await RunDigestAsync();

        MailsAbout("Wochenübersicht").Count.ShouldBe(1);
        await using var session = App.QuerySession();
        var entry = (await Marten.QueryableExtensions.ToListAsync(session.Query<UndeliverableEmail>())).ShouldHaveSingleItem();
        entry.Kind.ShouldBe("Wochenübersicht");
        entry.Recipient.ShouldBe("Koordination Karl Koordination");
    }
}
