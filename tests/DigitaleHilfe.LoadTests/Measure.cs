using System.Collections.Concurrent;
using System.Diagnostics;

namespace DigitaleHilfe.LoadTests;

public sealed record Result(string Scenario, string Load, int Sent, int Failed, double P50, double P95, double P99, double Max, double PerSecond, string Target, bool? Met)
{
    public string FailedNote { get; init; } = "";
}

// Open loop: request i is due at start + i/rate whether or not earlier ones have answered, and its latency
// counts from that due time, so a server that falls behind shows its queue in the figures (no coordinated
// omission). Closed loop: N clients, each sending the next request when the last one answered.
public static class Measure
{
    // late, if given, collects how long after its due time each request left the load tool: on a machine the tool
    // shares with the app, its own delays are part of every latency it reports.
    public static async Task<(List<double> Latencies, int Failed, string FirstFailure, double Seconds)> OpenLoopAsync(double rate, TimeSpan duration,
        Func<int, Task<HttpResponseMessage>> send, ConcurrentBag<double>? late = null)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var firstFailure = "";
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var n = i;
            running.Add(Task.Run(async () =>
            {
                late?.Add((clock.Elapsed - due).TotalMilliseconds);
                try
                {
                    using var response = await send(n);
                    if (!response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref failed) == 1) firstFailure = $"{(int)response.StatusCode} {await Body(response)}";
                        return;
                    }
                    await response.Content.LoadIntoBufferAsync();
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failed) == 1) firstFailure = e.Message;
                    return;
                }
                latencies.Add((clock.Elapsed - due).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(running);
        return ([.. latencies], failed, firstFailure, clock.Elapsed.TotalSeconds);
    }

    public static async Task<(List<double> Latencies, int Failed, string FirstFailure, double Seconds)> ClosedLoopAsync(int clients, TimeSpan duration,
        Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var counter = 0;
        var firstFailure = "";
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    using var response = await send(Interlocked.Increment(ref counter));
                    if (!response.IsSuccessStatusCode)
                    {
                        if (Interlocked.Increment(ref failed) == 1) firstFailure = $"{(int)response.StatusCode} {await Body(response)}";
                        continue;
                    }
                    await response.Content.LoadIntoBufferAsync();
                    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failed) == 1) firstFailure = e.Message;
                }
            }
        })));
        return ([.. latencies], failed, firstFailure, clock.Elapsed.TotalSeconds);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<string> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 200 ? text[..200] : text;
    }
}
