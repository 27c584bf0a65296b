using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.UnitTests.Accounts;

public sealed class CertificateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly CertificateOptions Options = new();
    private static readonly TimeSpan Remind = Options.RemindBefore;

    [Fact]
    public void A_certificate_counts_five_years_from_its_issue_date()
    {
        var c = CertificateRules.Of(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 10), "Klaus", Options);
        c.ValidUntil.ShouldBe(new DateOnly(2027, 3, 1));
        CertificateRules.State(c, Today, Remind).ShouldBe(CertificateState.Valid);
        CertificateRules.MayMeetInPerson(c, Today).ShouldBeTrue();
    }

    [Fact]
    public void Coordinators_are_reminded_before_it_runs_out_and_then_the_volunteer_helps_remotely_only()
    {
        var c = CertificateRules.Of(new DateOnly(2021, 12, 20), new DateOnly(2022, 1, 5), "Klaus", Options);
        CertificateRules.State(c, Today, Remind).ShouldBe(CertificateState.ExpiresSoon);
        CertificateRules.MayMeetInPerson(c, Today).ShouldBeTrue();
        CertificateRules.German(c, Today, Remind).ShouldBe("Führungszeugnis läuft am 20.12.2026 ab – bitte neues ansehen");

        CertificateRules.State(c, new DateOnly(2026, 12, 20), Remind).ShouldBe(CertificateState.Expired);
        CertificateRules.MayMeetInPerson(c, new DateOnly(2026, 12, 20)).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_certificate_a_volunteer_may_not_meet_in_person()
    {
        CertificateRules.State(null, Today, Remind).ShouldBe(CertificateState.Missing);
        CertificateRules.MayMeetInPerson(null, Today).ShouldBeFalse();
        CertificateRules.German(null, Today, Remind).ShouldBe("Führungszeugnis fehlt – nur Telefon und Video");
    }

    [Fact]
    public void A_claim_or_assignment_of_a_home_visit_without_a_certificate_is_refused()
    {
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        var request = new HelpRequest(Guid.NewGuid(), "2026-0001", RequestStatus.Open, "", "", "tablet", "…", "erfenbach", "hausbesuch", "Hanna", now);
        var facts = new VolunteerFacts(Guid.NewGuid(), "Petra", Approved: true, Paused: false, Capacity: 2, ActiveRequests: 0) { MissingCertificate = true };
        var volunteer = new Actor(facts.Id, "Petra", IsCoordinator: false, IsOperator: false, IsVolunteer: true);
        var coordinator = new Actor(Guid.NewGuid(), "Klaus", IsCoordinator: true, IsOperator: false, IsVolunteer: false);

        var claim = Lifecycle.Decide(request, new Claim(facts), volunteer, now);
        claim.Kind.ShouldBe(DecisionKind.Refused);
        claim.Refusal.ShouldBe(Lifecycle.NeedsCertificate);
        var assign = Lifecycle.Decide(request, new Assign(facts), coordinator, now);
        assign.Kind.ShouldBe(DecisionKind.Refused);
        assign.Refusal!.ShouldContain("nur per Telefon oder Video");

        Lifecycle.Decide(request, new Claim(facts with { MissingCertificate = false }), volunteer, now).Kind.ShouldBe(DecisionKind.Append);
    }

    [Fact]
    public void Matching_leaves_out_volunteers_without_a_certificate_for_in_person_requests_only()
    {
        var candidate = new Candidate(Guid.NewGuid(), "Petra", new VolunteerProfile(Guid.NewGuid())
        {
            Topics = ["tablet"], Districts = ["erfenbach"], HelpModes = ["hausbesuch", "telefon"], Capacity = 2,
        }, Approved: true, Paused: false, ActiveRequests: 0, DaysSinceLastRequest: 30, HelpedCallerWell: false, BlockedByCaller: false, RecentSetbacks: 0)
        {
            MayMeetInPerson = false,
        };
        var visit = new MatchRequest("tablet", "erfenbach", "hausbesuch", null, []) { InPerson = true };
        var phone = new MatchRequest("tablet", "erfenbach", "telefon", null, []);

        MatchScore.Score(visit, candidate, new MatchingOptions()).ShouldBeNull();
        MatchScore.Score(phone, candidate, new MatchingOptions()).ShouldNotBeNull();
        MatchScore.Score(visit, candidate with { MayMeetInPerson = true }, new MatchingOptions()).ShouldNotBeNull();
    }
}
