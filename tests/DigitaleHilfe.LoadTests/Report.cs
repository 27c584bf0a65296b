using System.Globalization;
using System.Text;

namespace DigitaleHilfe.LoadTests;

public static class Report
{
    public static string Table(IEnumerable<Result> results)
    {
        var text = new StringBuilder();
        text.AppendLine($"Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine("| scenario | load | sent | failed | p50 ms | p95 ms | p99 ms | max ms | done/s | target | met |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in results)
            text.AppendLine($"| {r.Scenario} | {r.Load} | {r.Sent} | {r.Failed} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.P99)} | {Ms(r.Max)} | {r.PerSecond.ToString("0", CultureInfo.InvariantCulture)} | " +
                            $"{r.Target}{(r.FailedNote.Length > 0 ? $" ({r.FailedNote})" : "")} | {(r.Met switch { true => "yes", false => "**no**", null => "–" })} |");
        return text.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
