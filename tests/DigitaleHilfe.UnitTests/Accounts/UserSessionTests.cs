using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.UnitTests.Accounts;

public sealed class UserSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly AccountOptions Options = new();
    private static readonly Account Operator = new() { Id = Guid.NewGuid(), Roles = [Role.Operator], Active = true };
    private static readonly Account Volunteer = new() { Id = Guid.NewGuid(), Roles = [Role.Volunteer], Active = true };

    private static UserSession SessionOf(Account account) => new()
    {
        Id = Guid.NewGuid(), AccountId = account.Id, SecurityStamp = account.SecurityStamp,
        StartedAt = Start, LastSeenAt = Start, ExpiresAt = Start + Options.AbsoluteSessionLifetime,
    };

    [Fact]
    public void A_fresh_session_is_valid()
    {
        SessionOf(Operator).WhyInvalid(Operator, Start.AddMinutes(5), Options).ShouldBeNull();
    }

    [Fact]
    public void An_operator_is_signed_out_after_30_idle_minutes_a_volunteer_after_two_hours()
    {
        SessionOf(Operator).WhyInvalid(Operator, Start.AddMinutes(30), Options).ShouldBe("zu lange inaktiv");
        SessionOf(Volunteer).WhyInvalid(Volunteer, Start.AddMinutes(30), Options).ShouldBeNull();
        SessionOf(Volunteer).WhyInvalid(Volunteer, Start.AddHours(2), Options).ShouldBe("zu lange inaktiv");
    }

    [Fact]
    public void The_absolute_limit_holds_however_active_the_session_is()
    {
        var session = SessionOf(Operator) with { LastSeenAt = Start.AddHours(12).AddMinutes(-1) };

        session.WhyInvalid(Operator, Start.AddHours(12), Options).ShouldBe("Höchstdauer erreicht");
    }

    [Fact]
    public void A_new_security_stamp_or_deactivation_ends_the_session()
    {
        var session = SessionOf(Operator);

        session.WhyInvalid(Operator with { SecurityStamp = Guid.NewGuid() }, Start, Options).ShouldBe("Anmeldedaten geändert");
        session.WhyInvalid(Operator with { Active = false }, Start, Options).ShouldBe("Konto deaktiviert");
        (session with { EndedAt = Start }).WhyInvalid(Operator, Start, Options).ShouldBe("beendet");
    }
}
