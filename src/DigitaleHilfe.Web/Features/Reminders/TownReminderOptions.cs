using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// The reminder settings of the work at hand: the installation's (Reminders:…), with the delays the current town set
// for itself on its "Ort" page. Read on every use, so the planner, which plans each town's events in that town,
// plans with that town's delays.
public sealed class TownReminderOptions(IOptionsMonitor<ReminderOptions> installation, TownDirectory towns) : IOptions<ReminderOptions>
{
    public ReminderOptions Value
    {
        get
        {
            var basis = installation.CurrentValue;
            if (TownContext.Id is not { } id || towns.Find(id)?.Reminders is not { } own) return basis;
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
    }
}
