using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// Sends reminders that are due: a small round (up to Reminders:SendHereUpTo) right here, a larger one handed to Hangfire,
// up to SendReminders.PerJob in one job, so that a burst is sent by every node's workers. Runs every DispatchInterval on every node
// and soon after the planner stored something due at once (see ReminderClock); an advisory lock lets one node at a
// time do it. The plan's own clock (TimeProvider) decides what is due, which is also what lets the tests move time.
public sealed class DispatchReminders(
    IDocumentSession session, IBackgroundJobClient jobs, Npgsql.NpgsqlDataSource database, IOptions<ReminderOptions> options, TimeProvider clock,
    Infrastructure.Background.PeopleFirst people, SendReminder reminder, Infrastructure.Email.IEmailSender email, ILogger<DispatchReminders> logger)
{
    // Long enough for another node's round to end (a follow-up round must not be lost to it), short enough for a shutdown.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Fällige Erinnerungen verteilen")]
    public async Task<int> RunAsync()
    {
        // One round per town at a time across the nodes (the session, and so the town, is this job's or this round's).
        // A PostgreSQL advisory lock, not Hangfire's: a node killed in a round takes it along, where Hangfire's lock
        // row stayed for its ten-minute timeout and no reminder of the town went out meanwhile (the two-node check).
        await using var oneNode = await AdvisoryLock.TryAcquireAsync(database, $"reminders:dispatch:{session.TenantId}", LockWait);
        if (oneNode is null) return 0;   // another node is at it; its round takes what is due
        return await DispatchAsync();
    }

    private async Task<int> DispatchAsync()
    {
        await people.GiveWayAsync();
        var now = clock.GetUtcNow();
        var batch = options.Value.DispatchBatchSize;
        var dispatched = new List<ReminderDelivery>();
        // One reminder per request at a time: two jobs appending to one request at once would only
        // make one of them record its work a second time. The next one follows when the first is done.
        var busy = new HashSet<Guid>();
        // Page through everything due: reminders waiting for a retry or still with their job must not
        // hide the ones behind them.
        for (var page = 0; dispatched.Count < batch; page++)
        {
            var due = await session.Query<PlannedReminder>().Where(p => p.DueAt <= now).OrderBy(p => p.DueAt).ThenBy(p => p.Id)
                .Skip(page * batch).Take(batch).ToListAsync();
            if (due.Count == 0) break;
            var deliveries = (await session.LoadManyAsync<ReminderDelivery>(due.Select(p => p.DeliveryId).ToArray())).ToDictionary(d => d.Id);
            foreach (var plan in due)
            {
                var delivery = deliveries.GetValueOrDefault(plan.DeliveryId)
                    ?? new ReminderDelivery { Id = plan.DeliveryId, PlanId = plan.Id, Occurrence = plan.Occurrence };
                if (delivery.InFlight(now, options.Value.DispatchLease)) busy.Add(plan.RequestId);
                if (dispatched.Count == batch || busy.Contains(plan.RequestId) || !delivery.CanDispatch(now, options.Value.DispatchLease)) continue;
                busy.Add(plan.RequestId);
                dispatched.Add(delivery);
            }
            if (due.Count < batch) break;
        }
        if (dispatched.Count == 0) return 0;
        if (dispatched.Count <= options.Value.SendHereUpTo) await SendHereAsync(dispatched);
        else await HandToHangfireAsync(dispatched, now);
        // A full round means more may be due: the next round follows at once instead of a DispatchInterval later
        // (a burst of intakes left thousands of invitations waiting a minute per 200, docs/performance.md).
        if (dispatched.Count == batch) jobs.Enqueue<DispatchReminders>(d => d.RunAsync());
        logger.LogInformation("Dispatched {Count} reminders.", dispatched.Count);
        return dispatched.Count;
    }

    // A Hangfire job of its own cost more database work than the reminders of a small round together (its job, states,
    // queue row and locks: some 30 statements, docs/performance.md), so such a round is sent at once, under the
    // reminders' locks, with no dispatch key: a node killed meanwhile leaves them due to the next round, no lease to wait
    // for. What could not be done is recorded (undeliverable list, "Hinweise") and, as for a job's round, listed in
    // /jobs as a failed job.
    private async Task SendHereAsync(IReadOnlyList<ReminderDelivery> due)
    {
        IReadOnlyList<Exception> failures;
        await using (email.HoldConnection()) failures = await reminder.SendHereAsync(due);
        if (failures.Count == 0) return;
        logger.LogWarning("{Count} reminders of a round sent here failed: {Errors}", failures.Count, string.Join(", ", failures.Select(f => f.GetType().Name)));
        // The job names the round's reminders; they have no dispatch key (a fresh one has none at all), so its entries
        // carry an empty one: requeued from /jobs it reads them and stands down, as the reminders retry by the app's clock.
        var entries = due.Select(d => SendReminders.Entry(d with { DispatchKey = Guid.Empty })).ToArray();
        jobs.Create(Job.FromExpression<SendReminders>(job => job.RunAsync(entries)), new FailedState(ReminderBatchException.Of(failures, due.Count)));
    }

    private async Task HandToHangfireAsync(IReadOnlyList<ReminderDelivery> due, DateTimeOffset now)
    {
        var dispatched = due.Select(d => d with { DispatchKey = Guid.NewGuid(), DispatchedAt = now }).ToList();
        // Enqueued before the keys are saved, under the reminders' own locks, which every job takes before it reads
        // its deliveries: a job waits for the save, and finds its key. A node killed before the save leaves jobs whose
        // keys were never stored (they do nothing) and deliveries that the next round hands out again. Saved first,
        // a kill between the save and the enqueue left the deliveries leased to jobs that did not exist, and their
        // reminders went out only when the lease ran out, 15 minutes later (the two-node check, 20 reminders due).
        await using (await AdvisoryLock.AcquireAllAsync(database, dispatched.Select(d => SendReminder.LockName(d.Id))))
        {
            foreach (var chunk in dispatched.Chunk(SendReminders.PerJob))
            {
                var entries = chunk.Select(SendReminders.Entry).ToArray();
                jobs.Enqueue<SendReminders>(job => job.RunAsync(entries));
            }
            DocumentRows.QueueUpsert(session, dispatched, d => d.Id);   // one statement for the round
            await session.SaveChangesAsync();
        }
    }
}

// The dispatch round on every node, every DispatchInterval, and soon after the planner stored something due
// at once. "Soon": DispatchGather later, so that the invitations of a busy minute go in a few rounds and jobs,
// not in a Hangfire job of their own for each new request (docs/performance.md).
public sealed class ReminderClock(IServiceScopeFactory scopes, Npgsql.NpgsqlDataSource database, TimeProvider clock, DispatchSignal signal, IOptions<ReminderOptions> options, ILogger<ReminderClock> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (interval, gather) = (options.Value.DispatchInterval, options.Value.DispatchGather);
            if (await signal.WaitAsync(interval, stoppingToken)) await Task.Delay(gather < interval ? gather : interval, stoppingToken);
            var requested = signal.Requested;
            try
            {
                IReadOnlyList<string> due;
                try { due = await TownsWithDueRemindersAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Looking for due reminders failed; trying again in {Interval}.", options.Value.DispatchInterval);
                    continue;
                }
                // Every town with something due, in turn; one town's failure does not keep the others' reminders back.
                foreach (var town in due)
                    using (TownContext.Enter(town))
                        try
                        {
                            await using var scope = scopes.CreateAsyncScope();
                            await scope.ServiceProvider.GetRequiredService<DispatchReminders>().RunAsync();
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogError(e, "Dispatching reminders of town {Town} failed; trying again in {Interval}.", town, options.Value.DispatchInterval);
                        }
            }
            finally
            {
                signal.Answered(requested);
            }
        }
    }

    // One look across the towns, on the index the plans have for their due time, instead of a round in every town
    // whether or not it has anything due (ten towns made ten rounds per planned invitation, docs/performance.md).
    private async Task<IReadOnlyList<string>> TownsWithDueRemindersAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select distinct tenant_id from {Infrastructure.Persistence.PersistenceSetup.SchemaName}.mt_doc_plannedreminder " +
            $"where {Infrastructure.Persistence.PersistenceSetup.SchemaName}.mt_immutable_timestamptz(data ->> 'DueAt') <= $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = clock.GetUtcNow() });
        var towns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) towns.Add(reader.GetString(0));
        return towns;
    }
}

// Wakes this node's dispatch round early. Raised any number of times before the round starts, it starts once.
// Idle once a round that began after the last raise is over (the tests wait for that before they move the clock).
public sealed class DispatchSignal
{
    private readonly SemaphoreSlim _raised = new(0, 1);
    private long _requested, _answered;

    public bool Idle => Interlocked.Read(ref _answered) >= Interlocked.Read(ref _requested);

    public void Raise()
    {
        Interlocked.Increment(ref _requested);
        try { _raised.Release(); }
        catch (SemaphoreFullException) { }   // already raised
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _raised.WaitAsync(timeout, ct);

    // Read when a round begins; handed to Answered when it is over.
    public long Requested => Interlocked.Read(ref _requested);

    public void Answered(long requested)
    {
        for (var seen = Interlocked.Read(ref _answered); seen < requested; seen = Interlocked.Read(ref _answered))
            if (Interlocked.CompareExchange(ref _answered, requested, seen) == seen) return;
    }
}
