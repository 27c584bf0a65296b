using System.Globalization;
using CsvHelper;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Statistics;

// CSV files that open correctly in German Excel: UTF-8 with BOM, ";" between fields, decimal comma.
public static class StatisticsCsv
{
    // Open data: a cell with fewer cases than this is written as "<5", never as its number, so that no
    // senior in a small district and topic can be singled out (docs/architecture.md, "Statistics").
    public const int SuppressBelow = 5;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    // A label beginning with "=" or "+" (a topic someone configured) is escaped, not run as a formula.
    private static readonly CsvWriterOptions Excel = new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = German };

    public static byte[] Write(Action<CsvWriter> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Excel, leaveOpen: true))
            rows(csv);
        return stream.ToArray();
    }

    private static void Line(CsvWriter csv, params object?[] fields)
    {
        foreach (var field in fields)
            csv.WriteField(field switch { null => "", IFormattable f => f.ToString(null, German), _ => field.ToString() ?? "" });
        csv.EndRecord();
    }

    public static byte[] Figures(PeriodFigures.Figures f, Catalog.Catalog catalog) => Write(csv =>
    {
        Line(csv, "Bereich", "Wert", "Anfragen", "mit Ergebnis", "Minuten");
        Line(csv, "Zeitraum", f.Period.Label, null, null, null);
        foreach (var (label, value) in new (string, object?)[]
        {
            ("Neue Anfragen", f.RequestsLogged), ("Geholfene Seniorinnen und Senioren", f.SeniorsHelped), ("davon zum ersten Mal", f.SeniorsFirstTime),
            ("davon wieder", f.SeniorsReturning), ("Anfragen mit Ergebnis", f.Resolved), ("Minuten ehrenamtliche Hilfe", f.VolunteerMinutes),
            ("Aktive Helfende", f.ActiveVolunteers), ("Anfragen je Helfende/r", f.RequestsPerVolunteer),
            ("Minuten bis zur Übernahme (Median)", f.ToFirstClaim.Median), ("Minuten bis zur Übernahme (90 %)", f.ToFirstClaim.Percentile90),
            ("Minuten bis zum Ergebnis (Median)", f.ToResolution.Median), ("Minuten bis zum Ergebnis (90 %)", f.ToResolution.Percentile90),
            ("Anteil wieder geöffnet", f.ReopenRate is { } r ? Math.Round(r, 3) : null), ("Anteil „Hat alles geklappt?“ Ja", f.FollowUpYesShare is { } y ? Math.Round(y, 3) : null),
        })
            Line(csv, "Kennzahl", label, value, null, null);
        foreach (var c in f.ByChannel) Line(csv, "Kanal", RequestChannels.German(c.Id), c.Requests, null, null);
        foreach (var o in f.Outcomes) Line(csv, "Ergebnis", FigureLabels.Outcome(o.Id), o.Requests, null, null);
        foreach (var b in f.ByTopic) Line(csv, "Thema", catalog.TopicLabel(b.Id), b.Requests, b.Resolved, b.Minutes);
        foreach (var b in f.ByDistrict) Line(csv, "Stadtteil", catalog.DistrictLabel(b.Id), b.Requests, b.Resolved, b.Minutes);
        foreach (var b in f.ByMode) Line(csv, "Art der Hilfe", catalog.HelpModeLabel(b.Id), b.Requests, b.Resolved, b.Minutes);
        foreach (var m in f.ByMonth) Line(csv, "Monat", m.Month, m.Requests, m.Resolved, m.Minutes);
    });

    // One line per request of the period, without anything about a person.
    public static byte[] Requests(IEnumerable<RequestFacts> requests, Catalog.Catalog catalog) => Write(csv =>
    {
        Line(csv, "Nummer", "Aufgenommen", "Kanal", "Thema", "Stadtteil", "Art der Hilfe", "Stand", "Ergebnis", "Minuten", "Erste Übernahme", "Erstes Ergebnis");
        foreach (var r in requests)
            Line(csv, r.Number, Day(r.LoggedAt), RequestChannels.German(r.Channel), catalog.TopicLabel(r.Topic), catalog.DistrictLabel(r.District),
                catalog.HelpModeLabel(r.HelpMode), StatusLabels.German(r.Status), r.Outcome is { } o ? OutcomeLabels.German(o) : "", r.MinutesSpent,
                r.FirstClaimAt is { } c ? Day(c) : "", r.FirstResolvedAt is { } d ? Day(d) : "");
    });

    public sealed record Cell(string Month, string District, string Topic, int Requests);

    public static byte[] OpenData(IEnumerable<Cell> cells) => Write(csv =>
    {
        Line(csv, "monat", "stadtteil", "thema", "anfragen");
        foreach (var c in cells) Line(csv, c.Month, c.District, c.Topic, c.Requests < SuppressBelow ? $"<{SuppressBelow}" : c.Requests.ToString(German));
    });

    private static string Day(DateTimeOffset at) => Shared.CityTime.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
