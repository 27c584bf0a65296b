using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Privacy;

// The daily retention run (Art. 5(1)(e) DSGVO): erases every senior whose last request ended more than
// Privacy:RetentionMonths ago and who has none open, and finishes erasures a crash left half done.
// Idempotent and resumable: it only ever picks what is still due, erases one person at a time, and a
// person whose erasure throws is recorded on "Hinweise" and skipped; the others go on.
public sealed class RetentionRun(
    NpgsqlDataSource database, IServiceScopeFactory scopes, ITownDirectory towns, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionRun> logger)
{
    private const string Schema = Infrastructure.Persistence.PersistenceSetup.SchemaName;

    public sealed record Report(int Erased, int Failed, int LegacyRequests);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<Report> RunAsync()
    {
        // Every town in turn, each in its own town context; one town's failure is its callers' problem records, not
        // a stop for the next town.
        var total = new Report(0, 0, 0);
        foreach (var town in towns.Towns)
            using (TownContext.Enter(town.Id))
            {
                var report = await RunTownAsync(town.Id);
                total = new Report(total.Erased + report.Erased, total.Failed + report.Failed, total.LegacyRequests + report.LegacyRequests);
            }
        return total;
    }

    private async Task<Report> RunTownAsync(string town)
    {
        var now = clock.GetUtcNow();
        var cutoff = now.AddMonths(-options.Value.RetentionMonths);
        var failed = new HashSet<Guid>();
        int erased = 0, legacy = 0;
        while (true)
        {
            var due = (await DueCallersAsync(town, cutoff, options.Value.RetentionBatchSize + failed.Count)).Where(id => !failed.Contains(id)).ToList();
            if (due.Count == 0) break;
            foreach (var id in due)
            {
                if (await TryAsync(id, s => EraseAsync(s, id), now)) erased++;
                else failed.Add(id);
            }
        }
        foreach (var id in await DueLegacyRequestsAsync(town, cutoff))
        {
            if (await TryAsync(id, s => LegacyRequestErasure.EraseAsync(s.GetRequiredService<TownSessionFactory>(), id, now), now)) legacy++;
            else failed.Add(id);
        }
        logger.LogInformation("Retention run in {Town}: {Erased} callers and {Legacy} old requests anonymised, {Failed} failed.", town, erased, legacy, failed.Count);
        return new Report(erased, failed.Count, legacy);
    }

    private static async Task EraseAsync(IServiceProvider services, Guid callerId)
    {
        var result = await services.GetRequiredService<IMediator>().Send(new EraseCaller.Command(callerId, ErasureReason.Retention));
        if (result.Outcome == EraseCaller.Outcome.Refused) throw new InvalidOperationException($"Erasure refused: {result.Refusal}");
    }

    private async Task<bool> TryAsync(Guid id, Func<IServiceProvider, Task> erase, DateTimeOffset now)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await erase(scope.ServiceProvider);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Erasing {Id} after the retention period failed; it is skipped and shown on Hinweise.", id);
            await using var session = scope.ServiceProvider.GetRequiredService<TownSessionFactory>().OpenSession();
            var existing = await session.LoadAsync<BackgroundProblem>(BackgroundProblem.IdFor(BackgroundProblem.Retention, id));
            session.Store(BackgroundProblem.Occurred(existing, BackgroundProblem.Retention, id, null, e, now));
            await session.SaveChangesAsync();
            return false;
        }
    }

    // Callers with requests, none of them active, the last one ended before the cutoff; and callers whose
    // erasure began but did not finish.
    private async Task<IReadOnlyList<Guid>> DueCallersAsync(string town, DateTimeOffset cutoff, int limit)
    {
        var sql = $"""
            select c.id from {Schema}.mt_doc_caller c
            where c.tenant_id = @town and c.data->>'MergedInto' is null and c.data->>'AnonymisedAt' is not null and coalesce((c.data->>'ErasureComplete')::boolean, false) = false
            union all
            select (r.data->>'CallerId')::uuid from {Schema}.mt_doc_helprequest r
            join {Schema}.mt_doc_caller c on c.tenant_id = r.tenant_id and c.id = (r.data->>'CallerId')::uuid and c.data->>'AnonymisedAt' is null
            where r.tenant_id = @town and r.data->>'CallerId' is not null
            group by 1
            having bool_and(r.data->>'Status' in ('Resolved', 'Closed', 'Cancelled'))
               and max((r.data->>'EndedAt')::timestamptz) < @cutoff
            limit @limit
            """;
        return await QueryIdsAsync(sql, town, cutoff, limit);
    }

    // Requests of the first slice, which carried the name and phone in their own first event.
    private Task<IReadOnlyList<Guid>> DueLegacyRequestsAsync(string town, DateTimeOffset cutoff) => QueryIdsAsync($"""
        select r.id from {Schema}.mt_doc_helprequest r
        where r.tenant_id = @town and r.data->>'CallerId' is null and r.data->>'AnonymisedAt' is null
          and r.data->>'Status' in ('Resolved', 'Closed', 'Cancelled') and (r.data->>'EndedAt')::timestamptz < @cutoff
        limit @limit
        """, town, cutoff, 10_000);

    private async Task<IReadOnlyList<Guid>> QueryIdsAsync(string sql, string town, DateTimeOffset cutoff, int limit)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("town", town);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}

// A first-slice request has no Caller document: its own events are the personal data.
public static class LegacyRequestErasure
{
    public static async Task EraseAsync(TownSessionFactory sessions, Guid requestId, DateTimeOffset now)
    {
        await using (var s = sessions.OpenSession())
        {
            if (await s.LoadAsync<HelpRequest>(requestId) is not { AnonymisedAt: null }) return;
            s.Events.Append(requestId, new RequestAnonymised(requestId, ErasureReason.Retention, now));
            await s.SaveChangesAsync();
        }
        await new CallerErasure().MaskAsync(sessions.Store, sessions.Town, [requestId], default);
        await using var rebuild = sessions.OpenSession();
        await Erasure.RebuildRequestsAsync(rebuild, [requestId], default);
        await rebuild.SaveChangesAsync();
    }
}

// Keeps the daily run scheduled as a Hangfire recurring job with a fixed id (one run across all nodes).
public sealed class RetentionSchedule(IRecurringJobManager jobs, IOptions<PrivacyOptions> options) : IHostedService
{
    public const string JobId = "privacy-retention";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            jobs.AddOrUpdate<RetentionRun>(JobId, r => r.RunAsync(), options.Value.RetentionCron, new RecurringJobOptions { TimeZone = Shared.CityTime.Zone });
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Privacy:RetentionCron \"{options.Value.RetentionCron}\" is not a cron expression Hangfire understands (e.g. \"30 2 * * *\").", e);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
