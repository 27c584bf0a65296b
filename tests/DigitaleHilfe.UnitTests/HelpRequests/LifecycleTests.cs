using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.UnitTests.HelpRequests;

// Every state against every step, for a volunteer and for a coordinator: E = an event, R = refused
// with a reason, = = harmless repeat (nothing appended, no error).
public sealed class LifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Me = Guid.NewGuid(), Other = Guid.NewGuid();
    private static readonly Actor Volunteer = new(Me, "Petra", IsCoordinator: false, IsOperator: false, IsVolunteer: true);
    private static readonly Actor Coordinator = new(Guid.NewGuid(), "Klaus", IsCoordinator: true, IsOperator: false, IsVolunteer: false);
    private static readonly VolunteerFacts MeFacts = new(Me, "Petra", Approved: true, Paused: false, Capacity: 2, ActiveRequests: 0);

    private static readonly string[] Steps = ["Claim", "Release", "Schedule", "CancelAppointment", "Resolve", "Reopen", "Close", "Cancel", "Assign", "Note"];

    private static HelpRequest State(string name)
    {
        var open = new HelpRequest(Guid.NewGuid(), "2026-0001", RequestStatus.Open, "", "", "tablet", "…", "erfenbach", "telefon", "Hanna", Now.AddDays(-1));
        var mine = open with { Status = RequestStatus.Claimed, VolunteerId = Me, VolunteerName = "Petra" };
        return name switch
        {
            "Open" => open,
            "ClaimedByMe" => mine,
            "ClaimedByOther" => open with { Status = RequestStatus.Claimed, VolunteerId = Other, VolunteerName = "Otto" },
            "ScheduledByMe" => mine with { Status = RequestStatus.Scheduled, Appointment = new Appointment(Now.AddDays(2), "telefon", null) },
            "ResolvedByMe" => mine with { Status = RequestStatus.Resolved, Outcome = Outcome.Solved },
            "ClosedByMe" => mine with { Status = RequestStatus.Closed, Outcome = Outcome.Solved },
            "Cancelled" => open with { Status = RequestStatus.Cancelled },
            _ => throw new ArgumentOutOfRangeException(name),
        };
    }

    private static RequestAction Step(string name) => name switch
    {
        "Claim" => new Claim(MeFacts),
        "Release" => new Release("keine Zeit"),
        "Schedule" => new Schedule(Now.AddDays(3), "telefon", null),
        "CancelAppointment" => new CancelAppointment(null),
        // Confirmed: reporting before a future appointment has its own rule (below).
        "Resolve" => new Resolve(Outcome.Solved, 45, EvenBeforeAppointment: true),
        "Reopen" => new Reopen(),
        "Close" => new Close(),
        "Cancel" => new Cancel("Person hat abgesagt"),
        "Assign" => new Assign(new VolunteerFacts(Other, "Otto", true, false, 2, 0)),
        "Note" => new AddNote("Enkel hilft mit"),
        _ => throw new ArgumentOutOfRangeException(name),
    };

    //                                         Claim Release Schedule CancelAppt Resolve Reopen Close Cancel Assign Note
    [Theory]
    [InlineData("volunteer", "Open",           "E R R R R R R R R R")]
    [InlineData("volunteer", "ClaimedByMe",    "= E E R E R R R R E")]
    [InlineData("volunteer", "ClaimedByOther", "R R R R R R R R R R")]
    [InlineData("volunteer", "ScheduledByMe",  "= E E E E R R R R E")]
    [InlineData("volunteer", "ResolvedByMe",   "R R R R R E R R R E")]
    [InlineData("volunteer", "ClosedByMe",     "R R R R R E R R R E")]
    [InlineData("volunteer", "Cancelled",      "R R R R R R R R R R")]
    [InlineData("coordinator", "Open",           "- R R R R R R E E E")]
    [InlineData("coordinator", "ClaimedByOther", "- E E R E R R E = E")]
    [InlineData("coordinator", "ScheduledByMe",  "- E E E E R R E E E")]
    [InlineData("coordinator", "ResolvedByMe",   "- R R R R E E R R E")]
    [InlineData("coordinator", "ClosedByMe",     "- R R R R E = R R E")]
    [InlineData("coordinator", "Cancelled",      "- R R R R R R = R E")]
    public void Every_step_in_every_state_is_allowed_or_refused_with_a_reason(string who, string state, string expected)
    {
        var actor = who == "volunteer" ? Volunteer : Coordinator;
        var outcomes = expected.Split(' ');
        for (var i = 0; i < Steps.Length; i++)
        {
            if (outcomes[i] == "-") continue; // a coordinator does not claim for themselves
            var decision = Lifecycle.Decide(State(state), Step(Steps[i]), actor, Now);
            var actual = decision.Event is not null ? "E" : decision.Refusal is not null ? "R" : "=";
            actual.ShouldBe(outcomes[i], $"{who} {Steps[i]} on {state}: {decision.Refusal}");
            if (actual == "R") decision.Refusal.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void A_claim_appends_who_took_it_and_when()
    {
        var request = State("Open");

        var decision = Lifecycle.Decide(request, new Claim(MeFacts), Volunteer, Now);

        decision.Event.ShouldBe(new RequestClaimed(request.Id, Me, "Petra", Now));
    }

    [Fact]
    public void Someone_elses_claim_is_refused_with_the_friendly_conflict_message()
    {
        Lifecycle.Decide(State("ClaimedByOther"), new Claim(MeFacts), Volunteer, Now).Refusal.ShouldBe(Lifecycle.TakenByOther);
    }

    [Theory]
    [InlineData(false, false, 0, "noch nicht freigeschaltet")]
    [InlineData(true, true, 0, "Pause")]
    [InlineData(true, false, 2, "schon 2 Anfragen")]
    public void A_claim_is_refused_when_unapproved_paused_or_at_capacity(bool approved, bool paused, int active, string reason)
    {
        var facts = MeFacts with { Approved = approved, Paused = paused, ActiveRequests = active };

        Lifecycle.Decide(State("Open"), new Claim(facts), Volunteer, Now).Refusal.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void A_volunteer_the_senior_does_not_want_again_can_neither_claim_nor_be_assigned()
    {
        var notWanted = MeFacts with { NotWantedByCaller = true };

        Lifecycle.Decide(State("Open"), new Claim(notWanted), Volunteer, Now).Refusal.ShouldNotBeNull().ShouldContain("jemand anderen gewünscht");
        Lifecycle.Decide(State("Open"), new Assign(notWanted), Coordinator, Now).Refusal.ShouldNotBeNull().ShouldContain("nicht wieder von Petra");
    }

    [Fact]
    public void An_appointment_in_the_past_is_refused()
    {
        Lifecycle.Decide(State("ClaimedByMe"), new Schedule(Now.AddMinutes(-5), "telefon", null), Volunteer, Now)
            .Refusal.ShouldNotBeNull().ShouldContain("Zukunft");
    }

    [Fact]
    public void Applying_the_events_moves_the_status_along_the_lifecycle()
    {
        var r = State("Open");
        r = r.Apply(new RequestClaimed(r.Id, Me, "Petra", Now));
        r.Status.ShouldBe(RequestStatus.Claimed);
        r = r.Apply(new AppointmentScheduled(r.Id, Now.AddDays(1), "telefon", null, "Petra", Now));
        r.Status.ShouldBe(RequestStatus.Scheduled);
        r = r.Apply(new RequestResolved(r.Id, Outcome.PartlySolved, 50, Me, "Petra", Now));
        (r.Status, r.MinutesSpent).ShouldBe((RequestStatus.Resolved, 50));
        r = r.Apply(new RequestReopened(r.Id, "Klaus", Now));
        r.Status.ShouldBe(RequestStatus.Claimed);
        r = r.Apply(new RequestReleased(r.Id, Me, "krank", "Petra", Now));
        (r.Status, r.VolunteerId).ShouldBe((RequestStatus.Open, null));
    }

    [Fact]
    public void A_claim_by_someone_else_on_a_taken_request_is_a_lost_race_not_a_refusal() =>
        Lifecycle.Decide(State("ClaimedByOther"), new Claim(MeFacts), Volunteer, Now).Kind.ShouldBe(DecisionKind.TakenByOther);

    [Fact]
    public void A_repeated_claim_by_the_holder_is_already_done() =>
        Lifecycle.Decide(State("ClaimedByMe"), new Claim(MeFacts), Volunteer, Now).Kind.ShouldBe(DecisionKind.AlreadyDone);

    [Fact]
    public void A_volunteer_at_the_hourly_claim_limit_is_limited_and_below_it_may_claim()
    {
        Lifecycle.Decide(State("Open"), new Claim(MeFacts with { RecentClaims = 5, ClaimsPerHour = 5 }), Volunteer, Now).Kind.ShouldBe(DecisionKind.Limited);
        Lifecycle.Decide(State("Open"), new Claim(MeFacts with { RecentClaims = 4, ClaimsPerHour = 5 }), Volunteer, Now).Kind.ShouldBe(DecisionKind.Append);
    }

    [Fact]
    public void A_volunteer_at_the_hourly_release_limit_is_limited_but_a_coordinator_is_not()
    {
        Lifecycle.Decide(State("ClaimedByMe"), new Release("keine Zeit"), Volunteer with { RecentReleases = 5, ReleasesPerHour = 5 }, Now)
            .Kind.ShouldBe(DecisionKind.Limited);
        Lifecycle.Decide(State("ClaimedByMe"), new Release("keine Zeit"), Coordinator with { RecentReleases = 5, ReleasesPerHour = 5 }, Now)
            .Kind.ShouldBe(DecisionKind.Append);
    }

    [Fact]
    public void A_claim_without_an_appointment_expires_back_to_the_board_but_a_scheduled_one_does_not()
    {
        var expired = Lifecycle.Decide(State("ClaimedByMe"), new ExpireClaim("zu lange ohne Termin"), Actor.System, Now);
        var released = expired.Event.ShouldBeOfType<RequestReleased>();
        released.Expired.ShouldBeTrue();
        released.VolunteerId.ShouldBe(Me);

        Lifecycle.Decide(State("ScheduledByMe"), new ExpireClaim("zu lange ohne Termin"), Actor.System, Now).Kind.ShouldBe(DecisionKind.AlreadyDone);
        Lifecycle.Decide(State("Open"), new ExpireClaim("zu lange ohne Termin"), Actor.System, Now).Kind.ShouldBe(DecisionKind.AlreadyDone);
    }

    [Fact]
    public void Reporting_before_the_appointment_asks_for_confirmation_and_after_it_does_not()
    {
        var scheduled = State("ScheduledByMe");   // appointment two days ahead
        var early = Lifecycle.Decide(scheduled, new Resolve(Outcome.Solved, 45), Volunteer, Now);
        early.Kind.ShouldBe(DecisionKind.Refused);
        early.Refusal.ShouldBe(Lifecycle.AppointmentAhead);

        Lifecycle.Decide(scheduled, new Resolve(Outcome.Solved, 45, EvenBeforeAppointment: true), Volunteer, Now).Kind.ShouldBe(DecisionKind.Append);
        var after = Lifecycle.Decide(scheduled, new Resolve(Outcome.Solved, 45, "Drucker läuft"), Volunteer, Now.AddDays(3));
        after.Event.ShouldBeOfType<RequestResolved>().Remark.ShouldBe("Drucker läuft");
    }

    [Theory]
    [InlineData(null, "Bitte geben Sie an, wie viele Minuten Sie gebraucht haben.")]
    [InlineData(-5, "Bitte geben Sie die Minuten als ganze Zahl von 0 bis 1440 an.")]
    [InlineData(1441, "Bitte geben Sie die Minuten als ganze Zahl von 0 bis 1440 an.")]
    public void Minutes_must_be_given_as_a_whole_number_of_a_day_at_most(int? minutes, string message)
    {
        var result = new ResolveInputValidator().Validate(new ResolveInput { Outcome = Outcome.Solved, MinutesSpent = minutes });
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(95)]
    [InlineData(1440)]
    public void Any_whole_number_of_minutes_is_accepted(int minutes) =>
        new ResolveInputValidator().Validate(new ResolveInput { Outcome = Outcome.Solved, MinutesSpent = minutes }).IsValid.ShouldBeTrue();

    [Fact]
    public void An_outcome_must_be_chosen_and_the_message_says_so_in_german()
    {
        var result = new ResolveInputValidator().Validate(new ResolveInput { MinutesSpent = 30 });
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Bitte wählen Sie ein Ergebnis.");
    }

    [Fact]
    public void Repeated_views_of_the_contact_details_by_one_person_fold_into_one_line()
    {
        TimelineEntry View(string by, int minute) => new(nameof(Web.Features.Board.ContactDetailsViewed), Now.AddMinutes(minute), by, "Kontaktdaten angesehen", minute);
        var entries = new[]
        {
            View("Petra", 1), View("Petra", 2), View("Petra", 3), View("Otto", 4),
            new TimelineEntry(nameof(NoteAdded), Now.AddMinutes(5), "Petra", "Notiz: x", 5), View("Petra", 6),
        };

        var lines = Timeline.Folded(entries);

        lines.Select(l => (l.Entry.By, l.Count)).ShouldBe([("Petra", 3), ("Otto", 1), ("Petra", 1), ("Petra", 1)]);
        lines[0].FirstAt.ShouldBe(Now.AddMinutes(1));
        lines[0].Entry.At.ShouldBe(Now.AddMinutes(3));
    }

    [Theory]
    [InlineData("Open", null)]
    [InlineData("ClaimedByMe", "Schedule")]
    [InlineData("ResolvedByMe", null)]
    public void After_a_claim_the_next_step_is_making_an_appointment(string state, string? next)
    {
        var r = State(state);
        AllowedSteps.Next(r, new HashSet<string> { "Schedule", "Resolve", "Release", "Note" }, Now).ShouldBe(next);
    }

    [Fact]
    public void A_scheduled_request_waits_for_its_appointment_and_then_asks_for_the_outcome_and_a_resolved_one_for_closing()
    {
        var steps = new HashSet<string> { "Schedule", "Resolve", "Close", "Assign" };
        AllowedSteps.Next(State("ScheduledByMe"), steps, Now).ShouldBeNull();
        AllowedSteps.Next(State("ScheduledByMe"), steps, Now.AddDays(3)).ShouldBe("Resolve");
        AllowedSteps.Next(State("ResolvedByMe"), steps, Now).ShouldBe("Close");
        AllowedSteps.Next(State("Open"), steps, Now).ShouldBe("Assign");
    }
}
