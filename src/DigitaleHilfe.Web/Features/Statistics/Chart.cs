namespace DigitaleHilfe.Web.Features.Statistics;

// A horizontal bar chart drawn on the server as SVG (no JavaScript), with its numbers as a table beside
// it (_BarChart.cshtml): the picture for those who look, the table for those who read or hear.
public sealed record Chart(string Id, string Title, string ValueHeading, IReadOnlyList<Chart.Bar> Bars)
{
    public sealed record Bar(string Label, double Value, string Shown);

    public const int LabelWidth = 150, BarArea = 330, RowHeight = 28;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 8;
    public double Max => Bars.Count == 0 ? 1 : Math.Max(1, Bars.Max(b => b.Value));
    public double Width(Bar bar) => Math.Round(bar.Value / Max * BarArea, 1);

    // The SVG itself, encoded here: Razor reserves <text> for its own use.
    public string Svg()
    {
        static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
        static string N(double d) => d.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var svg = new System.Text.StringBuilder();
        svg.Append($"<svg viewBox=\"0 0 {LabelWidth + BarArea + 70} {Height}\" role=\"img\" aria-labelledby=\"{Id}-svg\" focusable=\"false\">");
        svg.Append($"<title id=\"{Id}-svg\">{E($"{Title}: {string.Join(", ", Bars.Select(b => $"{b.Label} {b.Shown}"))}")}</title>");
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var y = i * RowHeight + 4;
            var label = bar.Label.Length > 22 ? bar.Label[..21] + "…" : bar.Label;
            svg.Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"chart-label\">{E(label)}</text>");
            svg.Append($"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{N(Width(bar))}\" height=\"{RowHeight - 8}\" class=\"chart-bar\"></rect>");
            svg.Append($"<text x=\"{N(LabelWidth + Width(bar) + 6)}\" y=\"{y + 17}\" class=\"chart-value\">{E(bar.Shown)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Duration(int? minutes) => minutes switch
    {
        null => "–",
        < 120 => $"{minutes} Min.",
        < 48 * 60 => $"{Math.Round(minutes.Value / 60.0, 1):0.#} Std.",
        _ => $"{Math.Round(minutes.Value / 1440.0, 1):0.#} Tage",
    };
}
