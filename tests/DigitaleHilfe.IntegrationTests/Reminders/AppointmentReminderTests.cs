using DigitaleHilfe.IntegrationTests.Support;
using MimeKit;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class AppointmentReminderTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;
    private const string Senior = "erika@example.org";

    private static string Calendar(MimeMessage mail) =>
        mail.Attachments.OfType<MimePart>().Where(p => p.ContentType.MimeType == "text/calendar")
            .Select(p => { using var s = new MemoryStream(); p.Content!.DecodeTo(s); return System.Text.Encoding.UTF8.GetString(s.ToArray()); })
            .ShouldHaveSingleItem();

    [Fact]
    public async Task Scheduling_confirms_the_appointment_with_a_calendar_file_to_volunteer_and_senior()
    {
        var (volunteer, request) = await ClaimedAsync(Senior);

        await ScheduleAsync(volunteer, request, Start.AddDays(3));
        await SettleAsync();

        var toVolunteer = MailsAbout("Termin eingetragen").ShouldHaveSingleItem();
        toVolunteer.To.ToString().ShouldContain(volunteer.Account.Email);
        Calendar(toVolunteer).ShouldContain("DTSTART:20261129T090000Z");
        toVolunteer.TextBody!.ShouldContain("29.11.2026, 10:00 Uhr");
        var toSenior = MailsTo(Senior).ShouldHaveSingleItem();
        Calendar(toSenior).ShouldContain("DTSTART:20261129T090000Z");
        toSenior.TextBody!.ShouldNotContain("Telefon:");   // the senior's mail carries nothing of theirs they did not know
    }

    [Fact]
    public async Task The_reminder_goes_a_day_before_to_volunteer_and_senior_once()
    {
        var (volunteer, request) = await ClaimedAsync(Senior);
        await ScheduleAsync(volunteer, request, Start.AddDays(3));
        await SettleAsync();

        await AtAsync(Start.AddDays(2).AddMinutes(-1));
        MailsAbout("Erinnerung").ShouldBeEmpty();

        await AtAsync(Start.AddDays(2));
        await AtAsync(Start.AddDays(2).AddHours(6));

        var reminders = MailsAbout("Erinnerung");
        reminders.Count.ShouldBe(2);
        reminders.ShouldContain(m => m.To.ToString().Contains(volunteer.Account.Email) && Calendar(m).Contains("DTSTART:20261129T090000Z"));
        reminders.ShouldContain(m => m.To.ToString().Contains(Senior));
        (await RemindersSentAsync(request)).Count(e => e.Kind == "AppointmentReminder").ShouldBe(1);
    }

    [Fact]
    public async Task A_rescheduled_appointment_is_reminded_at_the_new_time_only()
    {
        var (volunteer, request) = await ClaimedAsync();
        await ScheduleAsync(volunteer, request, Start.AddDays(3));
        await SettleAsync();

        App.Clock.SetUtcNow(Start.AddHours(1));
        await ScheduleAsync(volunteer, request, Start.AddDays(5));
        await AtAsync(Start.AddDays(2).AddHours(1));
        MailsAbout("Erinnerung").ShouldBeEmpty();

        await AtAsync(Start.AddDays(4));
        var reminder = MailsAbout("Erinnerung").ShouldHaveSingleItem();
        reminder.TextBody!.ShouldContain("01.12.2026, 10:00 Uhr");
        Calendar(reminder).ShouldContain("DTSTART:20261201T090000Z");
    }

    [Fact]
    public async Task A_cancelled_appointment_is_not_reminded_and_is_called_off_in_both_calendars()
    {
        var (volunteer, request) = await ClaimedAsync(Senior);
        await ScheduleAsync(volunteer, request, Start.AddDays(3));
        await SettleAsync();
        var uid = Calendar(MailsAbout("Termin eingetragen").ShouldHaveSingleItem()).Split("\r\n").Single(l => l.StartsWith("UID:"));

        App.Clock.SetUtcNow(Start.AddHours(1));
        await StepAsync(volunteer, request, "appointment/cancel", new { reason = "krank" });
        await SettleAsync();
        await AtAsync(Start.AddDays(2));
        await AtAsync(Start.AddDays(3));

        MailsAbout("Erinnerung").ShouldBeEmpty();
        var toVolunteer = MailsAbout("Termin abgesagt").ShouldHaveSingleItem();
        toVolunteer.To.ToString().ShouldContain(volunteer.Account.Email);
        var cancel = Calendar(toVolunteer);
        cancel.ShouldContain("METHOD:CANCEL");
        cancel.ShouldContain("STATUS:CANCELLED");
        cancel.ShouldContain(uid);
        MailsAbout("fällt aus").ShouldHaveSingleItem().To.ToString().ShouldContain(Senior);
    }
}
