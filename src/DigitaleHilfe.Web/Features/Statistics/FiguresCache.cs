using DigitaleHilfe.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Statistics;

// The figures change only when the async daemon moves the statistics projection on. Keyed by the period and
// the projection's progress (sequence and time of its last update), a cached result is exactly what a new
// computation would give, and any processed event makes the next view compute afresh.
public sealed class FiguresCache(NpgsqlDataSource database) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200 });

    public async Task<PeriodFigures.Figures> GetAsync(Period period, Func<Task<PeriodFigures.Figures>> compute, CancellationToken ct)
    {
        if (await ProgressAsync(ct) is not { } progress) return await compute();
        var key = $"{period.From:yyyyMMdd}-{period.To:yyyyMMdd}@{progress}";
        if (_cache.TryGetValue(key, out PeriodFigures.Figures? cached) && cached is not null) return cached;
        var figures = await compute();
        _cache.Set(key, figures, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30) });
        return figures;
    }

    private async Task<string?> ProgressAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select last_seq_id, last_updated from {PersistenceSetup.SchemaName}.mt_event_progression where name = 'RequestFacts:All'");
        await using var r = await command.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) && !r.IsDBNull(0) && !r.IsDBNull(1) ? $"{r.GetInt64(0)}:{r.GetDateTime(1).Ticks}" : null;
    }

    public void Dispose() => _cache.Dispose();
}
