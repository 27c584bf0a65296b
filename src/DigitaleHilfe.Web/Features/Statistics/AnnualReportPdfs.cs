using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Statistics;

// The annual report as a PDF: the same figures, in the same words, as the printable page.
public static class AnnualReportPdfs
{
    public static byte[] Write(StatisticsController.Report report, Catalog.Catalog catalog)
    {
        var f = report.Figures;
        var pdf = new PdfText($"Jahresbericht {report.Year} – {report.Service.Name}")
            .Title($"{report.Service.Name}: Jahresbericht {report.Year}")
            .Paragraph(AnnualReportText.Summary(report))
            .Heading("Das Jahr in Zahlen")
            .Row("Neue Anfragen", $"{f.RequestsLogged}")
            .Row("Seniorinnen und Senioren, denen geholfen wurde", $"{f.SeniorsHelped}")
            .Row("   davon zum ersten Mal / wieder", $"{f.SeniorsFirstTime} / {f.SeniorsReturning}")
            .Row("Stunden ehrenamtliche Hilfe", $"{f.VolunteerHours}")
            .Row("Aktive Helferinnen und Helfer", $"{f.ActiveVolunteers}")
            .Row("Zeit bis zur Übernahme (Median / 90 %)", $"{Chart.Duration(f.ToFirstClaim.Median)} / {Chart.Duration(f.ToFirstClaim.Percentile90)}")
            .Row("Zeit bis zum Ergebnis (Median / 90 %)", $"{Chart.Duration(f.ToResolution.Median)} / {Chart.Duration(f.ToResolution.Percentile90)}")
            .Row("„Hat alles geklappt?“ – Ja", FigureLabels.Share(f.FollowUpYesShare))
            .Heading("Ergebnisse");
        foreach (var o in f.Outcomes) pdf.Row(FigureLabels.Outcome(o.Id), $"{o.Requests}");
        pdf.Heading("Nach Thema");
        foreach (var b in f.ByTopic) pdf.Row(catalog.TopicLabel(b.Id), $"{b.Requests}");
        pdf.Heading("Nach Stadtteil");
        foreach (var b in f.ByDistrict) pdf.Row(catalog.DistrictLabel(b.Id), $"{b.Requests}");
        pdf.Heading("Monat für Monat (Anfragen / mit Ergebnis / Stunden)");
        foreach (var m in f.ByMonth) pdf.Row(FigureLabels.Month(m.Month), $"{m.Requests} / {m.Resolved} / {Math.Round(m.Minutes / 60.0):0}");
        pdf.Note(AnnualReportText.Method);
        return pdf.ToBytes();
    }
}

// The report's sentences, shared by the page and the PDF.
public static class AnnualReportText
{
    public const string Method =
        "Gezählt werden die Anfragen, die im Jahr aufgenommen wurden, mit allem, was aus ihnen geworden ist. Zeiten sind Mediane: " +
        "die Hälfte der Anfragen ging schneller. Die Zahlen enthalten keine Namen oder Kontaktdaten.";

    public static string Summary(StatisticsController.Report r) =>
        $"Im Jahr {r.Year} haben sich {r.Figures.RequestsLogged} Mal ältere Menschen mit Fragen zu Smartphone, Tablet, Computer und Internet " +
        $"an die {r.Service.Name} gewandt. {r.Figures.ActiveVolunteers} Ehrenamtliche haben {r.Figures.SeniorsHelped} Seniorinnen und Senioren " +
        $"mit zusammen {r.Figures.VolunteerHours} Stunden geholfen.";
}
