using DigitaleHilfe.Web.Infrastructure.Persistence;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Monitoring;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Services;
using Marten.Subscriptions;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// Derives the reminders from the events: a Marten subscription run by the async daemon. For every
// request touched by a page of events it stores exactly the reminders the request is now owed and
// drops the rest. Those writes commit together with the subscription's progress, so "events saved,
// app crashed before anything was scheduled" only means the daemon does it after the restart.
public sealed class ReminderPlanner : SubscriptionBase
{
    private readonly IOptions<ReminderOptions> options;
    private readonly TimeProvider clock;
    private readonly DispatchSignal dispatch;
    private readonly ServiceMetrics metrics;
    private readonly ILogger<ReminderPlanner> logger;

    public ReminderPlanner(IOptions<ReminderOptions> options, TimeProvider clock, DispatchSignal dispatch, ServiceMetrics metrics, ILogger<ReminderPlanner> logger)
    {
        (this.options, this.clock, this.dispatch, this.metrics, this.logger) = (options, clock, dispatch, metrics, logger);
        Name = "ReminderPlanner";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        // A page holds the events of every town. Each town's requests are read and planned in that town (Marten
        // hands the subscription one session; ForTenant writes into the same commit), never across towns.
        var (dueNow, planned) = (false, 0);
        foreach (var town in page.Events.GroupBy(e => e.TenantId))
        {
            using var inTown = TownContext.Enter(town.Key);   // the town's own reminder delays (TownOverlays)
            var (due, count) = await PlanAsync(town.ToList(), operations.ForTenant(town.Key), ct);
            (dueNow, planned) = (dueNow || due, planned + count);
        }
        return dueNow || planned > 0 ? new AfterPlanning(dueNow ? dispatch : null, metrics, planned) : NullChangeListener.Instance;
    }

    private async Task<(bool DueNow, int Planned)> PlanAsync(IReadOnlyList<IEvent> events, IDocumentOperations operations, CancellationToken ct)
    {
        var ids = events.Where(e => e.Data is not ContactDetailsViewed)
            .Select(e => e.StreamId).Distinct().ToList();
        if (ids.Count == 0) return (false, 0);
        var requests = new List<HelpRequest>();
        var now = clock.GetUtcNow();
        var problems = (await operations.Query<BackgroundProblem>()
                .Where(p => p.RequestId.IsOneOf(ids) && p.Work == BackgroundProblem.Planning && p.SolvedAt == null).ToListAsync(ct))
            .ToDictionary(p => p.RequestId);
        var owed = new List<PlannedReminder>();
        foreach (var stored in await operations.LoadManyAsync<HelpRequest>(ct, ids))
        {
            // One request whose data makes planning throw (an appointment in the year 9999 that got in
            // before input was bounded) is skipped and reported; every other request is still planned.
            try
            {
                var request = await CurrentAsync(stored, operations, ct);
                if (request is null) continue;
                owed.AddRange(ReminderSchedule.For(request, options.Value).Select(d => new PlannedReminder
                {
                    Id = PlannedReminder.IdFor(request.Id, d.Kind), RequestId = request.Id, Kind = d.Kind, Occurrence = d.Occurrence, DueAt = d.DueAt,
                }));
                requests.Add(request);
                if (problems.TryGetValue(request.Id, out var solved)) operations.Store(solved with { SolvedAt = now });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Planning reminders for request {RequestId} failed; it is skipped until it changes.", stored.Id);
                operations.Store(BackgroundProblem.Occurred(problems.GetValueOrDefault(stored.Id), BackgroundProblem.Planning, stored.Id, stored.Number, e, now));
            }
        }
        var existing = (await operations.Query<PlannedReminder>().Where(p => p.RequestId.IsOneOf(ids)).ToListAsync(ct))
            .ToDictionary(p => p.Id);
        var (dueNow, planned) = (false, 0);
        // An occurrence whose delivery is finished (also "nothing to do") is not planned again.
        var finished = (await operations.LoadManyAsync<ReminderDelivery>(ct, owed.Select(p => p.DeliveryId).ToArray()))
            .Where(d => d.Done).Select(d => d.Id).ToHashSet();
        var (store, drop) = (new List<PlannedReminder>(), new List<string>());
        foreach (var request in requests)
        {
            var wanted = owed.Where(p => p.RequestId == request.Id && !finished.Contains(p.DeliveryId)).ToList();
            foreach (var plan in wanted.Where(w => !existing.TryGetValue(w.Id, out var old) || old != w))
            {
                store.Add(plan);
                dueNow |= plan.DueAt <= now;
                if (!existing.ContainsKey(plan.Id)) planned++;
            }
            drop.AddRange(existing.Values.Where(p => p.RequestId == request.Id && wanted.All(w => w.Id != p.Id)).Select(p => p.Id));
        }
        // One statement each for the page's stored and dropped plans (DocumentRows).
        DocumentRows.QueueUpsert(operations, store, p => p.Id);
        DocumentRows.QueueDelete<PlannedReminder>(operations, drop);
        // Reminders due at once (invitations, confirmations) should not wait for the next dispatch
        // round: this node's round starts soon (AfterPlanning). If the signal is lost with the node, the next round picks them up anyway.
        return (dueNow, planned);
    }

    // A snapshot stored before reminders existed lacks the times they count from (StatusSince and
    // friends): rebuild it from its events once, and keep the rebuilt one.
    private static async Task<HelpRequest?> CurrentAsync(HelpRequest stored, IDocumentOperations operations, CancellationToken ct)
    {
        if (stored.StatusSince != default) return stored;
        if (await operations.Events.AggregateStreamAsync<HelpRequest>(stored.Id, token: ct) is not { } rebuilt) return null;
        operations.Store(rebuilt);
        return rebuilt;
    }

    // Once the plans are committed: count the new ones, and start this node's dispatch round for those due now.
    private sealed class AfterPlanning(DispatchSignal? dispatch, ServiceMetrics metrics, int planned) : IChangeListener
    {
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            metrics.Planned(planned);
            dispatch?.Raise();
            return Task.CompletedTask;
        }

        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }

    private sealed class NullChangeListener : IChangeListener
    {
        public static readonly NullChangeListener Instance = new();
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
