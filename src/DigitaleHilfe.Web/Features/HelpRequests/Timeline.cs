using JasperFx.Events;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// One line of a request's history, as operators read it and as the API reports it.
public sealed record TimelineEntry(string Type, DateTimeOffset At, string By, string Text, long Version);

public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> From(IEnumerable<IEvent> stream) =>
        stream.OrderBy(e => e.Version).Select(Describe).ToList();

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
        _ => new(e.EventTypeName, e.Timestamp, "unbekannt", "Änderung", e.Version),
    };
}
