using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Towns;

// What a town may set for itself, laid over the installation's settings. Everything a town left empty is the
// installation's, so a single-town installation keeps following its configuration file.
public static class TownOverlays
{
    public static IServiceCollection AddTownOverlays(this IServiceCollection services) => services
        .AddTownOptions<ServiceInfo>(Service)
        .AddTownOptions<ReminderOptions>(Reminders)
        .AddTownOptions<MatchingOptions>(Matching)
        .AddTownOptions<PrivacyOptions>(Privacy);

    // Name, hotline and contact address on pages, footers and documents; provider and imprint details stay.
    public static ServiceInfo Service(ServiceInfo basis, Town town)
    {
        if (town is { Name: null, HotlinePhone: null, SenderAddress: null }) return basis;
        var own = basis.Copy();
        own.Name = town.Name ?? basis.Name;
        own.HotlinePhone = town.HotlinePhone ?? basis.HotlinePhone;
        own.Email = town.SenderAddress ?? basis.Email;
        return own;
    }

    public static ReminderOptions Reminders(ReminderOptions basis, Town town)
    {
        if (town.Reminders is not { } own) return basis;
        var o = basis.Copy();
        o.AppointmentReminderBefore = own.AppointmentReminderBefore ?? basis.AppointmentReminderBefore;
        o.UnclaimedEscalationAfter = own.UnclaimedEscalationAfter ?? basis.UnclaimedEscalationAfter;
        o.UnclaimedWidenAfter = own.UnclaimedWidenAfter ?? basis.UnclaimedWidenAfter;
        o.StaleClaimNudgeAfter = own.StaleClaimNudgeAfter ?? basis.StaleClaimNudgeAfter;
        o.ClaimExpiresAfterNudge = own.ClaimExpiresAfterNudge ?? basis.ClaimExpiresAfterNudge;
        o.MissingOutcomeAfter = own.MissingOutcomeAfter ?? basis.MissingOutcomeAfter;
        o.FollowUpAfter = own.FollowUpAfter ?? basis.FollowUpAfter;
        return o;
    }

    // The weights, and the neighbours of the town's own districts (a town with its own districts has its own map).
    public static MatchingOptions Matching(MatchingOptions basis, Town town)
    {
        if (town.Weights is null && town.Lists?.Neighbours is null) return basis;
        var o = basis.Copy();
        if (town.Weights is { } w)
        {
            o.Topic = w.Topic ?? basis.Topic;
            o.District = w.District ?? basis.District;
            o.Language = w.Language ?? basis.Language;
            o.Availability = w.Availability ?? basis.Availability;
            o.Workload = w.Workload ?? basis.Workload;
            o.Fairness = w.Fairness ?? basis.Fairness;
            o.Continuity = w.Continuity ?? basis.Continuity;
            o.Reliability = w.Reliability ?? basis.Reliability;
        }
        if (town.Lists?.Neighbours is { } neighbours) o.Neighbours = neighbours.ToDictionary(n => n.Key, n => n.Value.ToList());
        return o;
    }

    public static PrivacyOptions Privacy(PrivacyOptions basis, Town town)
    {
        if (town.RetentionMonths is not { } months) return basis;
        var o = basis.Copy();
        o.RetentionMonths = months;
        return o;
    }
}
