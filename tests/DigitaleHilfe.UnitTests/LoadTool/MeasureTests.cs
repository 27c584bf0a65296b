using System.Net;
using DigitaleHilfe.LoadTests;

namespace DigitaleHilfe.UnitTests.LoadTool;

// The load tool's own arithmetic: a wrong percentile or a latency measured from the wrong moment would make
// every figure in docs/performance.md wrong.
public sealed class MeasureTests
{
    [Fact]
    public void Percentiles_are_the_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Measure.Percentile(values, 0.50).ShouldBe(50);
        Measure.Percentile(values, 0.95).ShouldBe(95);
        Measure.Percentile(values, 0.99).ShouldBe(99);
        Measure.Percentile(values, 1.00).ShouldBe(100);
        Measure.Percentile([7], 0.99).ShouldBe(7);
        double.IsNaN(Measure.Percentile([], 0.5)).ShouldBeTrue();
    }

    [Fact]
    public async Task Open_loop_latency_counts_from_the_scheduled_time_so_a_server_that_falls_behind_shows_its_queue()
    {
        // A "server" that answers one request at a time in 50 ms, asked for 40 a second: it falls further behind
        // with every request, and the latencies must say so instead of showing 50 ms each.
        var one = new SemaphoreSlim(1, 1);
        async Task<HttpResponseMessage> Slow(int _)
        {
            await one.WaitAsync();
            try { await Task.Delay(50); }
            finally { one.Release(); }
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        var (latencies, failed, _, _) = await Measure.OpenLoopAsync(40, TimeSpan.FromSeconds(1), Slow);

        failed.ShouldBe(0);
        latencies.Count.ShouldBe(40);
        latencies.Max().ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public async Task Failed_answers_are_counted_and_the_first_one_is_kept()
    {
        var (latencies, failed, first, _) = await Measure.ClosedLoopAsync(2, TimeSpan.FromMilliseconds(200), async i =>
        {
            await Task.Delay(5);
            return new HttpResponseMessage(i % 2 == 0 ? HttpStatusCode.OK : HttpStatusCode.InternalServerError) { Content = new StringContent("kaputt") };
        });

        failed.ShouldBeGreaterThan(0);
        latencies.Count.ShouldBeGreaterThan(0);
        first.ShouldStartWith("500 kaputt");
    }
}
