using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Reminders;

// One reminder a request is owed: what, for which occurrence (the claim, the appointment, the time it
// came onto the board …) and from when. The occurrence is part of every key, so a rescheduled
// appointment is a new reminder and the old one is no longer owed.
public sealed record DueReminder(ReminderKind Kind, string Occurrence, DateTimeOffset DueAt)
{
    public string Key => ReminderSchedule.Key(Kind, Occurrence);
}

// Pure: which reminders a request in its current state is owed. The planner stores exactly these;
// a job asks again right before it acts, so a request claimed before its escalation gets none.
public static class ReminderSchedule
{
    public static string Key(ReminderKind kind, string occurrence) => $"{kind}:{occurrence}";

    public static IReadOnlyList<DueReminder> For(HelpRequest r, ReminderOptions o)
    {
        var owed = new List<DueReminder>();
        var since = Stamp(r.StatusSince);
        switch (r.Status)
        {
            case RequestStatus.Open:
                owed.Add(new(ReminderKind.Invitation, $"open@{since}", r.StatusSince));
                owed.Add(new(ReminderKind.UnclaimedEscalation, $"open@{since}", r.StatusSince + o.UnclaimedEscalationAfter));
                owed.Add(new(ReminderKind.UnclaimedWidening, $"open@{since}", r.StatusSince + o.UnclaimedWidenAfter));
                break;
            case RequestStatus.Claimed:
                owed.Add(new(ReminderKind.StaleClaimNudge, $"claimed@{since}", r.StatusSince + o.StaleClaimNudgeAfter));
                owed.Add(new(ReminderKind.ClaimExpiry, $"claimed@{since}", r.StatusSince + o.StaleClaimNudgeAfter + o.ClaimExpiresAfterNudge));
                break;
            case RequestStatus.Scheduled when r.Appointment is { } a:
                var at = Stamp(a.At);
                owed.Add(new(ReminderKind.AppointmentConfirmation, $"{at}@{since}", r.StatusSince));
                // Made less than a reminder-period ahead: the confirmation is the reminder.
                if (a.At - o.AppointmentReminderBefore > r.StatusSince)
                    owed.Add(new(ReminderKind.AppointmentReminder, at, a.At - o.AppointmentReminderBefore));
                owed.Add(new(ReminderKind.MissingOutcome, at, a.At + o.MissingOutcomeAfter));
                break;
            case RequestStatus.Resolved or RequestStatus.Closed when r.ResolvedAt is { } resolved && r.FollowUpAllGood is null:
                owed.Add(new(ReminderKind.FollowUp, Stamp(resolved), resolved + o.FollowUpAfter));
                break;
        }
        if (r.Status is RequestStatus.Claimed or RequestStatus.Scheduled && r.VolunteerId is { } v && r.ClaimedAt is { } claimedAt)
            owed.Add(new(ReminderKind.ClaimConfirmation, $"{v:N}@{Stamp(claimedAt)}", claimedAt));
        // Only an appointment still ahead when it was called off needs calling off in calendars.
        if (r.LastDroppedAppointment is { } dropped && dropped.Appointment.At > dropped.At)
            owed.Add(new(ReminderKind.AppointmentCancellation, $"{Stamp(dropped.Appointment.At)}@{Stamp(dropped.At)}", dropped.At));
        if (r.LastExpiry is { } expiry && r.Status != RequestStatus.Cancelled)
            owed.Add(new(ReminderKind.ClaimExpiredNotice, $"{expiry.VolunteerId:N}@{Stamp(expiry.At)}", expiry.At));
        // Erased: nothing more goes out about the request, except telling the volunteer that the
        // appointment is off (that mail carries no senior data once the events are masked).
        return owed.Where(d => !r.Handled(d.Key) && (r.AnonymisedAt is null || d.Kind == ReminderKind.AppointmentCancellation)).ToList();
    }

    // Due the moment the request changed; only worth sending while that is recent.
    public static bool IsImmediate(ReminderKind kind) =>
        kind is ReminderKind.Invitation or ReminderKind.ClaimConfirmation or ReminderKind.AppointmentConfirmation or ReminderKind.AppointmentCancellation;

    public static bool IsOwed(HelpRequest r, ReminderKind kind, string occurrence, ReminderOptions o) =>
        For(r, o).Any(d => d.Kind == kind && d.Occurrence == occurrence);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'");
}
