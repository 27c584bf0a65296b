using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.UnitTests.Privacy;

public sealed class ErasureRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Operator = new(Guid.NewGuid(), "Hanna", IsCoordinator: false, IsOperator: true, IsVolunteer: false);
    private static readonly Actor Volunteer = new(Guid.NewGuid(), "Petra", IsCoordinator: false, IsOperator: false, IsVolunteer: true);

    private static readonly HelpRequest Open =
        new(Guid.NewGuid(), "2026-0001", RequestStatus.Open, "", "", "tablet", "…", "erfenbach", "telefon", "Hanna", Now.AddDays(-1)) { StatusSince = Now.AddDays(-1) };

    [Fact]
    public void The_hotline_may_cancel_an_open_request_because_the_senior_withdrew_consent()
    {
        var decision = Lifecycle.Decide(Open, new CancelForErasure("Einwilligung widerrufen"), Operator, Now);

        decision.Event.ShouldBe(new RequestCancelled(Open.Id, "Einwilligung widerrufen", "Hanna", Now));
    }

    [Fact]
    public void Cancelling_for_erasure_leaves_an_ended_request_as_it_is_and_refuses_a_volunteer()
    {
        Lifecycle.Decide(Open with { Status = RequestStatus.Resolved }, new CancelForErasure("x"), Operator, Now).Kind.ShouldBe(DecisionKind.AlreadyDone);
        Lifecycle.Decide(Open, new CancelForErasure("x"), Volunteer, Now).Kind.ShouldBe(DecisionKind.Refused);
        Lifecycle.Decide(Open, new CancelForErasure("x"), Actor.System, Now).Kind.ShouldBe(DecisionKind.Append);
    }

    [Fact]
    public void An_anonymised_request_takes_no_further_step()
    {
        var erased = Open with { Status = RequestStatus.Cancelled, AnonymisedAt = Now };

        var decision = Lifecycle.Decide(erased, new AddNote("noch etwas"), Operator, Now);

        decision.Kind.ShouldBe(DecisionKind.Refused);
        decision.Refusal.ShouldBe(Lifecycle.Anonymised);
    }

    [Fact]
    public void An_anonymised_request_is_owed_only_the_volunteers_cancellation_of_the_appointment()
    {
        var dropped = new DroppedAppointment(new Appointment(Now.AddDays(2), "telefon", Erasure.Masked), Guid.NewGuid(), Now);
        var cancelled = Open with { Status = RequestStatus.Cancelled, StatusSince = Now, LastDroppedAppointment = dropped, AnonymisedAt = Now };
        var resolved = Open with { Status = RequestStatus.Resolved, StatusSince = Now, ResolvedAt = Now, AnonymisedAt = Now };

        ReminderSchedule.For(cancelled, new ReminderOptions()).Select(d => d.Kind).ShouldBe([ReminderKind.AppointmentCancellation]);
        ReminderSchedule.For(resolved, new ReminderOptions()).ShouldBeEmpty();
        ReminderSchedule.For(resolved with { AnonymisedAt = null }, new ReminderOptions()).Select(d => d.Kind).ShouldBe([ReminderKind.FollowUp]);
    }

    [Fact]
    public void The_retention_period_counts_from_when_a_request_ended()
    {
        (Open with { Status = RequestStatus.Closed, ResolvedAt = Now, StatusSince = Now.AddDays(3) }).EndedAt.ShouldBe(Now);
        (Open with { Status = RequestStatus.Cancelled, StatusSince = Now }).EndedAt.ShouldBe(Now);
        (Open with { Status = RequestStatus.Claimed }).EndedAt.ShouldBeNull();
    }

    [Fact]
    public void Every_consent_wording_stays_readable_and_names_the_retention_period()
    {
        ConsentText.Of("2026-11")!.ShouldStartWith("Sind Sie einverstanden");
        ConsentText.Of(ConsentText.Version(6))!.ShouldContain("6 Monate");
        ConsentText.Version(12).ShouldNotBe(ConsentText.Version(6));
        ConsentText.Of("1999-01").ShouldBeNull();
    }

    [Fact]
    public void Erased_text_reads_with_its_date_and_other_text_stays()
    {
        Erasure.Shown(Erasure.Masked, Now).ShouldBe("anonymisiert am 26.11.2026");
        Erasure.Shown("Drucker", Now).ShouldBe("Drucker");
        ErasedText.Readable(Open with { AnonymisedAt = Now, Description = Erasure.Masked }).Description.ShouldBe("anonymisiert am 26.11.2026");
    }
}
