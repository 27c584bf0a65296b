using DigitaleHilfe.IntegrationTests.Support;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class MissingOutcomeTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;

    [Fact]
    public async Task Two_days_after_an_appointment_without_outcome_the_volunteer_is_asked_once()
    {
        var (volunteer, request) = await ClaimedAsync();
        await ScheduleAsync(volunteer, request, Start.AddDays(1));

        await AtAsync(Start.AddDays(3).AddMinutes(-1));
        MailsAbout("Wie ist es gelaufen").ShouldBeEmpty();

        await AtAsync(Start.AddDays(3));
        await AtAsync(Start.AddDays(4));

        var mail = MailsAbout("Wie ist es gelaufen").ShouldHaveSingleItem();
        mail.To.ToString().ShouldContain(volunteer.Account.Email);
        mail.TextBody!.ShouldContain("27.11.2026, 10:00 Uhr");
    }

    [Fact]
    public async Task A_reported_outcome_means_no_question()
    {
        var (volunteer, request) = await ClaimedAsync();
        await ScheduleAsync(volunteer, request, Start.AddDays(1));
        App.Clock.SetUtcNow(Start.AddDays(1).AddHours(2));
        await StepAsync(volunteer, request, "resolve", new { outcome = "Solved", minutesSpent = 45 });

        await AtAsync(Start.AddDays(3));

        MailsAbout("Wie ist es gelaufen").ShouldBeEmpty();
    }
}
