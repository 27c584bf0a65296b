using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Reminders;

// Stored by name in ReminderSent and plan ids: never rename one.
public enum ReminderKind
{
    Invitation,
    ClaimConfirmation,
    AppointmentConfirmation,
    AppointmentReminder,
    UnclaimedEscalation,
    UnclaimedWidening,
    StaleClaimNudge,
    ClaimExpiry,
    ClaimExpiredNotice,
    MissingOutcome,
    FollowUp,
    AppointmentCancellation,
}

public static class ReminderKinds
{
    public static string Label(ReminderKind kind) => kind switch
    {
        ReminderKind.Invitation => "Einladung passender Helfender",
        ReminderKind.ClaimConfirmation => "Bestätigung mit Kontaktdaten",
        ReminderKind.AppointmentConfirmation => "Terminbestätigung",
        ReminderKind.AppointmentReminder => "Terminerinnerung",
        ReminderKind.UnclaimedEscalation => "Hinweis an die Koordination: noch nicht übernommen",
        ReminderKind.UnclaimedWidening => "Einladung weiterer Helfender",
        ReminderKind.StaleClaimNudge => "Erinnerung: noch kein Termin",
        ReminderKind.ClaimExpiry => "Ablauf der Übernahme ohne Termin",
        ReminderKind.ClaimExpiredNotice => "Hinweis: Übernahme abgelaufen",
        ReminderKind.MissingOutcome => "Nachfrage nach dem Ergebnis",
        ReminderKind.FollowUp => "Nachfrage bei der Person: Hat alles geklappt?",
        ReminderKind.AppointmentCancellation => "Terminabsage",
        _ => kind.ToString(),
    };

    public static string Label(string kind) => Enum.TryParse<ReminderKind>(kind, out var k) ? Label(k) : kind;

    public static string Describe(ReminderSent e)
    {
        if (e.Delivered.Count == 0 && e.Undeliverable.Count == 0) return $"Automatisch: {Label(e.Kind)}";
        var text = $"E-Mail „{Label(e.Kind)}“";
        if (e.Delivered.Count > 0) text += $" an {e.Delivered.Count} Empfänger verschickt";
        if (e.Undeliverable.Count > 0) text += $"{(e.Delivered.Count > 0 ? ";" : ":")} {e.Undeliverable.Count} nicht zustellbar";
        return text;
    }
}
