using System.Collections.Concurrent;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Statistics;

// A year's figures at 100,000 requests take a few hundred milliseconds to count (docs/performance.md), and
// any event the daemon processes changes them. So each period keeps its last count together with the
// statistics projection's progress (sequence and time of its last update) at that moment:
// - same progress: the count is exactly what a recount would give, shown at once;
// - progress moved, count younger than Statistics:ShowPreviousFor: shown at once, marked with its time,
//   while one recount runs in the background (if the count is older than ten seconds);
// - otherwise the view waits for the recount.
// Concurrent views of one period share one recount instead of each starting their own.
public sealed class FiguresCache(NpgsqlDataSource database, TimeProvider clock, IOptions<StatisticsOptions> options, ILogger<FiguresCache> logger)
{
    private sealed record Entry(PeriodFigures.Figures Figures, string Progress);

    private readonly ConcurrentDictionary<string, Entry> _counted = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _running = new();
    private readonly ConcurrentDictionary<string, string> _townProgress = new();
    private readonly SemaphoreSlim _tracking = new(1, 1);
    private long _trackedSeq = -1;
    private const int MostPeriods = 200;
    private static readonly TimeSpan RecountAtMostEvery = TimeSpan.FromSeconds(10);

    public async Task<PeriodFigures.Figures> GetAsync(
        string? town, Period period, Func<CancellationToken, Task<PeriodFigures.Figures>> count, CancellationToken ct, bool ahead = false)
    {
        var progress = await ProgressOfAsync(town, ct);
        var key = $"{town ?? "*"}:{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        if (_counted.TryGetValue(key, out var entry))
        {
            if (entry.Progress == progress) return entry.Figures;
            var age = clock.GetUtcNow() - entry.Figures.CountedAt;
            // The warm-up recounts a changed period only when the count would be too old to show before its next
            // round; a viewer still starts a recount whenever the count is ten seconds old. Recounting every round
            // (30 s) while requests come in took the cores from the hotline (docs/performance.md).
            if (ahead && age + options.Value.WarmUpEvery < options.Value.ShowPreviousFor) return entry.Figures;
            if (age < options.Value.ShowPreviousFor)
            {
                // While events keep coming, one recount per period every few seconds is enough; back-to-back
                // recounts would take the CPU from the viewers themselves.
                if (age >= RecountAtMostEvery)
                    _ = RecountAsync(key, progress, count).ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                return entry.Figures;
            }
        }
        return (await RecountAsync(key, progress, count).WaitAsync(ct)).Figures;
    }

    // The projection's progress as one town's figures see it: it moves for a town only when events of that town were
    // projected. With one progress for all, every event anywhere made every town's figures stale, and the warm-up
    // recounted all towns each round (ten towns: a third of a core on a 2-core machine, docs/performance.md).
    private async Task<string> ProgressOfAsync(string? town, CancellationToken ct)
    {
        var (seq, progress) = await ProgressAsync(ct);
        if (town is null || seq < 0) return progress;
        await _tracking.WaitAsync(ct);
        try
        {
            if (seq != _trackedSeq)
            {
                // Going back (a rebuild) or the first look: every town starts from here.
                if (seq < _trackedSeq || _trackedSeq < 0) _townProgress.Clear();
                else foreach (var changed in await TownsWithEventsAsync(_trackedSeq, seq, ct)) _townProgress[changed] = progress;
                _trackedSeq = seq;
            }
            return _townProgress.GetOrAdd(town, progress);
        }
        finally
        {
            _tracking.Release();
        }
    }

    private async Task<(long Seq, string Progress)> ProgressAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select last_seq_id, last_updated from {PersistenceSetup.SchemaName}.mt_event_progression where name = 'RequestFacts:All'");
        await using var r = await command.ExecuteReaderAsync(ct);
        // No row yet: the daemon has not started; the figures are still keyed by that state.
        return await r.ReadAsync(ct) && !r.IsDBNull(0)
            ? (r.GetInt64(0), $"{r.GetInt64(0)}:{(r.IsDBNull(1) ? 0 : r.GetDateTime(1).Ticks)}")
            : (-1, "none");
    }

    // The towns with events in a stretch of the sequence the projection has just passed (an index range on seq_id).
    private async Task<List<string>> TownsWithEventsAsync(long after, long upTo, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select distinct tenant_id from {PersistenceSetup.SchemaName}.mt_events where seq_id > $1 and seq_id <= $2");
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = upTo });
        await using var r = await command.ExecuteReaderAsync(ct);
        var towns = new List<string>();
        while (await r.ReadAsync(ct)) towns.Add(r.GetString(0));
        return towns;
    }

    // Not tied to one viewer's request: a viewer who leaves does not cancel the count the others wait for.
    // Shared only among viewers who saw the same progress, so a waiting viewer never gets an older count.
    private Task<Entry> RecountAsync(string key, string progress, Func<CancellationToken, Task<PeriodFigures.Figures>> count)
    {
        var runKey = $"{key}@{progress}";
        var running = _running.GetOrAdd(runKey, k => new Lazy<Task<Entry>>(async () =>
        {
            try
            {
                var figures = await count(CancellationToken.None);
                var entry = new Entry(figures with { CountedAt = clock.GetUtcNow() }, progress);
                _counted.AddOrUpdate(key, entry, (_, old) => old.Figures.CountedAt > entry.Figures.CountedAt ? old : entry);
                ForgetOldestBeyondLimit();
                return entry;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Counting the statistics for {Period} failed", key);
                throw;
            }
            finally
            {
                _running.TryRemove(runKey, out _);
            }
        }));
        return running.Value;
    }

    // Custom from-to periods are unbounded in number; the least recently counted ones go first.
    private void ForgetOldestBeyondLimit()
    {
        if (_counted.Count <= MostPeriods) return;
        foreach (var old in _counted.OrderBy(e => e.Value.Figures.CountedAt).Take(_counted.Count - MostPeriods).ToList())
            _counted.TryRemove(old.Key, out _);
    }
}
