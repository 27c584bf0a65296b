using System.Globalization;
using System.Text.RegularExpressions;

namespace DigitaleHilfe.LoadTests;

// How many of a route's requests the app itself answered within a time, from ASP.NET Core's request-duration
// histogram at /metrics, read before and after a scenario. Set beside the load tool's latencies, it tells the
// app's own time apart from the queueing in front of it (the socket, the thread pool, the load tool itself).
public sealed partial class ServerTimes(HttpClient client, string method, string route)
{
    public async Task<Dictionary<string, double>> ReadAsync()
    {
        var buckets = new Dictionary<string, double>();
        try
        {
            var text = await client.GetStringAsync("/metrics");
            foreach (Match line in Bucket().Matches(text))
            {
                var labels = line.Groups["labels"].Value;
                if (!labels.Contains($"http_request_method=\"{method}\"") || !labels.Contains($"http_route=\"{route}\"")) continue;
                var le = line.Groups["le"].Value;
                buckets[le] = buckets.GetValueOrDefault(le) + double.Parse(line.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
        }
        catch (HttpRequestException) { }
        return buckets;
    }

    // "98.7 % within 25 ms", or "" when the app gave no figures (an older build, metrics closed).
    public static string Within(Dictionary<string, double> before, Dictionary<string, double> after, double milliseconds)
    {
        var le = (milliseconds / 1000).ToString(CultureInfo.InvariantCulture);
        double Delta(string key) => after.GetValueOrDefault(key) - before.GetValueOrDefault(key);
        var all = Delta("+Inf");
        if (all <= 0 || !after.ContainsKey(le)) return "";
        return $"{Delta(le) / all:P1} within {milliseconds:0} ms in the app";
    }

    [GeneratedRegex("""^http_server_request_duration_seconds_bucket\{(?<labels>[^}]*)le="(?<le>[^"]+)"\} (?<count>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Bucket();
}
