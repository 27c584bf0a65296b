using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.UnitTests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Volunteer = Guid.NewGuid();
    private static readonly ReminderOptions Options = new();

    private static HelpRequest Opened() => HelpRequest.Create(new HelpRequestOpened(
        Guid.NewGuid(), "2026-0001", Guid.NewGuid(), "tablet", "Tablet einrichten", "erfenbach", "telefon", null, false, "Hotline", T0));

    private static HelpRequest Claimed(DateTimeOffset at) => Opened().Apply(new RequestClaimed(Guid.Empty, Volunteer, "Anna", at));

    private static Dictionary<ReminderKind, DueReminder> Owed(HelpRequest r) => ReminderSchedule.For(r, Options).ToDictionary(d => d.Kind);

    [Fact]
    public void An_open_request_is_owed_invitations_now_escalation_after_24_hours_and_widening_after_48()
    {
        var owed = Owed(Opened());

        owed.Keys.ShouldBe([ReminderKind.Invitation, ReminderKind.UnclaimedEscalation, ReminderKind.UnclaimedWidening], ignoreOrder: true);
        owed[ReminderKind.Invitation].DueAt.ShouldBe(T0);
        owed[ReminderKind.UnclaimedEscalation].DueAt.ShouldBe(T0.AddHours(24));
        owed[ReminderKind.UnclaimedWidening].DueAt.ShouldBe(T0.AddHours(48));
    }

    [Fact]
    public void A_claimed_request_is_owed_a_confirmation_now_a_nudge_after_5_days_and_expiry_after_8_but_no_escalation()
    {
        var owed = Owed(Claimed(T0.AddHours(2)));

        owed.Keys.ShouldBe([ReminderKind.ClaimConfirmation, ReminderKind.StaleClaimNudge, ReminderKind.ClaimExpiry], ignoreOrder: true);
        owed[ReminderKind.ClaimConfirmation].DueAt.ShouldBe(T0.AddHours(2));
        owed[ReminderKind.StaleClaimNudge].DueAt.ShouldBe(T0.AddHours(2).AddDays(5));
        owed[ReminderKind.ClaimExpiry].DueAt.ShouldBe(T0.AddHours(2).AddDays(8));
    }

    [Fact]
    public void A_scheduled_request_is_owed_confirmation_reminder_a_day_before_and_outcome_question_two_days_after()
    {
        var at = T0.AddDays(4);
        var owed = Owed(Claimed(T0).Apply(new AppointmentScheduled(Guid.Empty, at, "telefon", null, "Anna", T0.AddDays(1))));

        owed.Keys.ShouldBe([ReminderKind.ClaimConfirmation, ReminderKind.AppointmentConfirmation, ReminderKind.AppointmentReminder, ReminderKind.MissingOutcome], ignoreOrder: true);
        owed[ReminderKind.AppointmentConfirmation].DueAt.ShouldBe(T0.AddDays(1));
        owed[ReminderKind.AppointmentReminder].DueAt.ShouldBe(at.AddDays(-1));
        owed[ReminderKind.MissingOutcome].DueAt.ShouldBe(at.AddDays(2));
    }

    [Fact]
    public void An_appointment_made_less_than_a_day_ahead_gets_its_confirmation_but_no_separate_reminder()
    {
        var owed = Owed(Claimed(T0).Apply(new AppointmentScheduled(Guid.Empty, T0.AddHours(20), "telefon", null, "Anna", T0)));

        owed.ShouldContainKey(ReminderKind.AppointmentConfirmation);
        owed.ShouldNotContainKey(ReminderKind.AppointmentReminder);
    }

    [Fact]
    public void A_rescheduled_appointment_is_a_new_occurrence()
    {
        var first = Claimed(T0).Apply(new AppointmentScheduled(Guid.Empty, T0.AddDays(3), "telefon", null, "Anna", T0));
        var moved = first.Apply(new AppointmentScheduled(Guid.Empty, T0.AddDays(5), "telefon", null, "Anna", T0.AddHours(1)));

        Owed(moved)[ReminderKind.AppointmentReminder].Occurrence.ShouldNotBe(Owed(first)[ReminderKind.AppointmentReminder].Occurrence);
        ReminderSchedule.IsOwed(moved, ReminderKind.AppointmentReminder, Owed(first)[ReminderKind.AppointmentReminder].Occurrence, Options).ShouldBeFalse();
    }

    [Fact]
    public void A_reminder_recorded_as_complete_is_owed_no_more()
    {
        var claimed = Claimed(T0);
        var confirmation = Owed(claimed)[ReminderKind.ClaimConfirmation];

        var after = claimed.Apply(new ReminderSent(claimed.Id, "ClaimConfirmation", confirmation.Occurrence, ["x/volunteer"], [], true, T0));

        Owed(after).ShouldNotContainKey(ReminderKind.ClaimConfirmation);
    }

    [Fact]
    public void A_partly_sent_reminder_stays_owed()
    {
        var claimed = Claimed(T0);
        var confirmation = Owed(claimed)[ReminderKind.ClaimConfirmation];

        var after = claimed.Apply(new ReminderSent(claimed.Id, "ClaimConfirmation", confirmation.Occurrence, [], [], false, T0));

        Owed(after).ShouldContainKey(ReminderKind.ClaimConfirmation);
    }

    [Fact]
    public void An_expired_claim_puts_the_request_back_on_the_board_and_owes_the_notice()
    {
        var expired = Claimed(T0).Apply(new RequestReleased(Guid.Empty, Volunteer, "Frist", "System", T0.AddDays(8), Expired: true));

        var owed = Owed(expired);

        expired.Status.ShouldBe(RequestStatus.Open);
        owed.Keys.ShouldBe([ReminderKind.Invitation, ReminderKind.UnclaimedEscalation, ReminderKind.UnclaimedWidening, ReminderKind.ClaimExpiredNotice], ignoreOrder: true);
        owed[ReminderKind.UnclaimedEscalation].DueAt.ShouldBe(T0.AddDays(9));
    }

    [Fact]
    public void A_resolved_request_is_owed_a_follow_up_after_7_days_until_the_senior_answered()
    {
        var resolved = Claimed(T0).Apply(new RequestResolved(Guid.Empty, Outcome.Solved, 30, Volunteer, "Anna", T0.AddDays(1)));

        Owed(resolved).Keys.ShouldBe([ReminderKind.FollowUp]);
        Owed(resolved)[ReminderKind.FollowUp].DueAt.ShouldBe(T0.AddDays(8));
        Owed(resolved.Apply(new FollowUpAnswered(Guid.Empty, true, null, "Telefon", "Hotline", T0.AddDays(8)))).ShouldBeEmpty();
    }

    [Fact]
    public void An_appointment_called_off_ahead_of_time_is_owed_a_cancellation_even_after_a_release()
    {
        var scheduled = Claimed(T0).Apply(new AppointmentScheduled(Guid.Empty, T0.AddDays(3), "telefon", null, "Anna", T0));

        var released = scheduled.Apply(new RequestReleased(Guid.Empty, Volunteer, "keine Zeit", "Anna", T0.AddDays(1)));

        var owed = Owed(released)[ReminderKind.AppointmentCancellation];
        owed.DueAt.ShouldBe(T0.AddDays(1));
        released.LastDroppedAppointment!.VolunteerId.ShouldBe(Volunteer);
    }

    [Fact]
    public void A_request_resolved_after_its_appointment_owes_no_cancellation()
    {
        var resolved = Claimed(T0).Apply(new AppointmentScheduled(Guid.Empty, T0.AddDays(1), "telefon", null, "Anna", T0))
            .Apply(new RequestResolved(Guid.Empty, Outcome.Solved, 30, Volunteer, "Anna", T0.AddDays(2)))
            .Apply(new RequestReopened(Guid.Empty, "Anna", T0.AddDays(3)));

        Owed(resolved).ShouldNotContainKey(ReminderKind.AppointmentCancellation);
    }

    [Fact]
    public void A_cancelled_request_is_owed_nothing()
    {
        Owed(Opened().Apply(new RequestCancelled(Guid.Empty, "zurückgezogen", "Koordination", T0.AddHours(1)))).ShouldBeEmpty();
    }

    [Fact]
    public void Delays_come_from_the_options()
    {
        var quick = new ReminderOptions { UnclaimedEscalationAfter = TimeSpan.FromSeconds(30) };

        ReminderSchedule.For(Opened(), quick).Single(d => d.Kind == ReminderKind.UnclaimedEscalation).DueAt.ShouldBe(T0.AddSeconds(30));
    }
}

public sealed class ReminderWordingTests
{
    [Theory]
    [InlineData(0, 2, 0, "2 Minuten")]
    [InlineData(0, 1, 0, "einer Minute")]
    [InlineData(0, 0, 24, "24 Stunden")]
    [InlineData(1, 0, 0, "24 Stunden")]
    [InlineData(8, 0, 0, "8 Tagen")]
    public void Spans_read_as_German_after_a_preposition(int days, int minutes, int hours, string expected) =>
        GermanDurations.Dative(new TimeSpan(days, hours, minutes, 0)).ShouldBe(expected);
}
