using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Statistics;

// Figures as the city reads them: German labels, shares in per cent, empty as a dash.
public static class FigureLabels
{
    public static string Outcome(string id) => Enum.TryParse<Outcome>(id, out var o) ? OutcomeLabels.German(o) : id;

    public static string Month(string yyyyMm) =>
        DateOnly.TryParseExact(yyyyMm + "-01", "yyyy-MM-dd", out var d) ? $"{Period.Months[d.Month - 1][..3]} {d.Year}" : yyyyMm;

    public static string Share(double? share) => share is { } s ? $"{Math.Round(s * 100):0} %" : "–";

    public static Chart RequestsPerMonth(PeriodFigures.Figures f) => new("chart-months", "Neue Anfragen pro Monat", "Anfragen",
        f.ByMonth.Select(m => new Chart.Bar(Month(m.Month), m.Requests, m.Requests.ToString())).ToList());

    public static Chart TimeToClaimPerMonth(PeriodFigures.Figures f) => new("chart-claim", "Zeit bis zur Übernahme (Median) pro Monat", "Median",
        f.ByMonth.Where(m => m.MedianMinutesToFirstClaim is not null)
            .Select(m => new Chart.Bar(Month(m.Month), m.MedianMinutesToFirstClaim!.Value, Chart.Duration(m.MedianMinutesToFirstClaim))).ToList());

    public static Chart Outcomes(PeriodFigures.Figures f) => new("chart-outcomes", "Ergebnisse", "Anfragen",
        f.Outcomes.Select(o => new Chart.Bar(Outcome(o.Id), o.Requests, o.Requests.ToString())).ToList());
}
