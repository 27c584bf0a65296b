using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Matching;
using JasperFx.Events;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// One line of a request's history, as operators read it and as the API reports it.
public sealed record TimelineEntry(string Type, DateTimeOffset At, string By, string Text, long Version);

// A line as the request page shows it: repeated views of the contact details by one person in a row are
// one line ("6× Kontaktdaten angesehen, zuletzt …"); the events themselves all stay.
public sealed record TimelineLine(TimelineEntry Entry, int Count, DateTimeOffset FirstAt);

public static class Timeline
{
    public static IReadOnlyList<TimelineLine> Folded(IReadOnlyList<TimelineEntry> entries)
    {
        var lines = new List<TimelineLine>();
        foreach (var entry in entries)
        {
            if (lines.Count > 0 && lines[^1] is { } last && entry.Type == nameof(ContactDetailsViewed)
                && last.Entry.Type == entry.Type && last.Entry.By == entry.By)
                lines[^1] = new TimelineLine(entry, last.Count + 1, last.FirstAt);
            else
                lines.Add(new TimelineLine(entry, 1, entry.At));
        }
        return lines;
    }

    // Erased text reads "anonymisiert am …" rather than leaving a gap.
    public static IReadOnlyList<TimelineEntry> From(IEnumerable<IEvent> stream, DateTimeOffset? anonymisedAt = null) =>
        stream.OrderBy(e => e.Version).Select(Describe)
            .Select(e => e.Text.Contains(Privacy.Erasure.Masked) ? e with { Text = e.Text.Replace(Privacy.Erasure.Masked, Privacy.Erasure.Shown(Privacy.Erasure.Masked, anonymisedAt)) } : e)
            .ToList();

    // Each event says who and when itself; the store's timestamp is only a fallback for a type this
    // version does not know (written by a newer node during a rolling update).
    private static TimelineEntry Describe(IEvent e) => e.Data switch
    {
        HelpRequestLogged logged => new(nameof(HelpRequestLogged), logged.LoggedAt, logged.LoggedBy,
            $"Anruf aufgenommen, Vorgangsnummer {logged.Number}", e.Version),
        HelpRequestOpened opened => new(nameof(HelpRequestOpened), opened.LoggedAt, opened.LoggedBy,
            $"Anruf aufgenommen, Vorgangsnummer {opened.Number}{(opened.Urgent ? " (dringend)" : "")}", e.Version),
        ConsentRecorded consent => new(nameof(ConsentRecorded), consent.RecordedAt, consent.RecordedBy,
            $"Einwilligung zur Speicherung und Weitergabe der Telefonnummer erteilt (Text {consent.TextVersion})", e.Version),
        RequestDetailsAdded added => new(nameof(RequestDetailsAdded), added.AddedAt, added.AddedBy,
            $"Ergänzt: {added.Text}", e.Version),
        RequestMovedToCaller moved => new(nameof(RequestMovedToCaller), moved.MovedAt, moved.MovedBy,
            "Doppelten Personeneintrag zusammengeführt", e.Version),
        RequestClaimed x => new(nameof(RequestClaimed), x.ClaimedAt, x.VolunteerName, "Übernommen", e.Version),
        RequestAssigned x => new(nameof(RequestAssigned), x.AssignedAt, x.AssignedBy, $"Zugewiesen an {x.VolunteerName}", e.Version),
        RequestReleased x => new(nameof(RequestReleased), x.ReleasedAt, x.ReleasedBy, $"Zurückgegeben: {x.Reason}", e.Version),
        AppointmentScheduled x => new(nameof(AppointmentScheduled), x.ScheduledAt, x.ScheduledBy,
            $"Termin: {Shared.CityTime.Format(x.At)}{(x.Place is null ? "" : $", {x.Place}")}", e.Version),
        AppointmentCancelled x => new(nameof(AppointmentCancelled), x.CancelledAt, x.CancelledBy, $"Termin abgesagt{(x.Reason is null ? "" : $": {x.Reason}")}", e.Version),
        NoteAdded x => new(nameof(NoteAdded), x.AddedAt, x.AddedBy, $"Notiz: {x.Text}", e.Version),
        RequestResolved x => new(nameof(RequestResolved), x.ResolvedAt, x.ResolvedBy,
            $"Ergebnis: {OutcomeLabels.German(x.Outcome)} ({Shared.GermanDurations.Minutes(x.MinutesSpent)}){(string.IsNullOrWhiteSpace(x.Remark) ? "" : $" – {x.Remark}")}", e.Version),
        RequestReopened x => new(nameof(RequestReopened), x.ReopenedAt, x.ReopenedBy, "Wieder geöffnet", e.Version),
        RequestClosed x => new(nameof(RequestClosed), x.ClosedAt, x.ClosedBy, "Abgeschlossen", e.Version),
        RequestCancelled x => new(nameof(RequestCancelled), x.CancelledAt, x.CancelledBy, $"Zurückgezogen: {x.Reason}", e.Version),
        VolunteersInvited x => new(nameof(VolunteersInvited), x.InvitedAt, "System",
            $"{x.VolunteerIds.Count} passende Helfende per E-Mail eingeladen", e.Version),
        ReminderSent x => new(nameof(ReminderSent), x.SentAt, "System", Reminders.ReminderKinds.Describe(x), e.Version),
        FollowUpAnswered x => new(nameof(FollowUpAnswered), x.AnsweredAt, x.RecordedBy,
            $"Nachfrage ({x.Channel}): {(x.AllGood ? "Alles hat geklappt" : "Braucht noch Hilfe")}{(string.IsNullOrWhiteSpace(x.Comment) ? "" : $" – {x.Comment}")}", e.Version),
        Privacy.RequestAnonymised x => new(nameof(Privacy.RequestAnonymised), x.At, "System",
            $"Persönliche Daten anonymisiert ({Privacy.ErasureReasons.German(x.Reason)})", e.Version),
        ContactDetailsViewed x => new(nameof(ContactDetailsViewed), x.ViewedAt, x.ViewedBy, "Kontaktdaten angesehen", e.Version),
        _ => new(e.EventTypeName, e.Timestamp, "unbekannt", "Änderung", e.Version),
    };
}
