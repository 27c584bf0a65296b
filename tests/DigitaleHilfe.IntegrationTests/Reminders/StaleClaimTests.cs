using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class StaleClaimTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;

    [Fact]
    public async Task A_claim_without_appointment_is_nudged_after_five_days_and_expires_three_days_later()
    {
        var coordinator = await CoordinatorAsync();
        var (volunteer, request) = await ClaimedAsync();
        await SettleAsync();

        await AtAsync(Start.AddDays(5).AddMinutes(-1));
        MailsAbout("Noch kein Termin").ShouldBeEmpty();

        await AtAsync(Start.AddDays(5));
        var nudge = MailsAbout("Noch kein Termin").ShouldHaveSingleItem();
        nudge.To.ToString().ShouldContain(volunteer.Account.Email);
        nudge.TextBody!.ShouldContain("04.12.2026, 10:00 Uhr");   // when it will expire
        (await RequestAsync(request)).Status.ShouldBe(RequestStatus.Claimed);

        await AtAsync(Start.AddDays(8).AddMinutes(-1));
        (await RequestAsync(request)).Status.ShouldBe(RequestStatus.Claimed);

        await AtAsync(Start.AddDays(8));
        await AtAsync(Start.AddDays(8).AddHours(1));

        var after = await RequestAsync(request);
        after.Status.ShouldBe(RequestStatus.Open);
        after.VolunteerId.ShouldBeNull();
        MailsAbout("Noch kein Termin").Count.ShouldBe(1);
        var toVolunteer = MailsAbout("ist wieder frei").ShouldHaveSingleItem();
        toVolunteer.To.ToString().ShouldContain(volunteer.Account.Email);
        toVolunteer.TextBody!.ShouldContain("kein Termin eingetragen");
        var toCoordinator = MailsAbout("Übernahme abgelaufen").ShouldHaveSingleItem();
        toCoordinator.To.ToString().ShouldContain(coordinator.Email);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request)).Select(e => e.Data).OfType<RequestReleased>().ShouldHaveSingleItem().Expired.ShouldBeTrue();
    }

    [Fact]
    public async Task A_claim_with_an_appointment_is_neither_nudged_nor_expired()
    {
        var (volunteer, request) = await ClaimedAsync();
        App.Clock.SetUtcNow(Start.AddDays(4));
        await ScheduleAsync(volunteer, request, Start.AddDays(20));

        await AtAsync(Start.AddDays(5));
        await AtAsync(Start.AddDays(9));

        MailsAbout("Noch kein Termin").ShouldBeEmpty();
        (await RequestAsync(request)).Status.ShouldBe(RequestStatus.Scheduled);
    }
}
