using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Features.Monitoring;
using System.Runtime.ExceptionServices;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Background;
using DigitaleHilfe.Web.Infrastructure.Email;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Hangfire;
using JasperFx;
using JasperFx.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Reminders;

// Sends due reminders. Hangfire may run a job twice (a server dies mid-job, a lease runs out), so each
// reminder is locked, its request re-read, asked whether the reminder is still owed, only recipients not
// yet recorded are mailed, and they are recorded with ReminderSent under the stream's expected version.
// A second run finds the record and does nothing. Several reminders (a job of SendReminders) go together:
// their locks in one statement, deliveries, plans and requests in one round trip, the people the mails
// name in one more, the mails over one SMTP connection and every record in one transaction; a reminder per
// request used to cost some 25 statements, 15 connections and a commit of its own (docs/performance.md).
// If one request changed meanwhile, the transaction is lost and each reminder is recorded on its own, as
// before. Arguments are ids only, never an address or a name.
public sealed class SendReminder(
    TownSessionFactory sessions, IEmailSender email, ReminderContent content, IOptions<ReminderOptions> options, TimeProvider clock,
    DispatchSignal dispatch, NpgsqlDataSource database, CandidatePool pool, ServiceMetrics metrics, PeopleFirst people, ILogger<SendReminder> logger)
{
    public readonly record struct Entry(string DeliveryId, Guid DispatchKey);

    // Held while a reminder is sent, and by the dispatch round from its enqueue until its save.
    public static string LockName(string deliveryId) => $"reminder:{deliveryId}";

    // A job of its own for one reminder (jobs enqueued before reminders went in batches, and the tests).
    // Our own retries (with back-off by the app's clock) instead of Hangfire's: a failed job in
    // /jobs then means "undeliverable" (or a request the work had to skip, see BackgroundProblem).
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Erinnerung {0}")]
    public async Task RunAsync(string deliveryId, Guid dispatchKey)
    {
        if ((await RunManyAsync([new Entry(deliveryId, dispatchKey)])).FirstOrDefault() is { } failure) ExceptionDispatchInfo.Throw(failure);
    }

    // The reminders' failures (undeliverable mails, a request whose data made the work throw), each
    // already recorded where people see it; the others are done.
    public Task<IReadOnlyList<Exception>> RunManyAsync(IReadOnlyList<Entry> entries) =>
        ClaimsAsync(entries.Select(e => new Claim(e.DeliveryId, e.DispatchKey, null)).ToList());

    // A small dispatch round sent by the dispatching node itself, with no Hangfire job and no dispatch key
    // (DispatchReminders): the same locks, reads, checks and records as a job's round. The deliveries are as the
    // dispatcher read them (not yet stored for a new plan); under the locks they are read again, and each goes
    // only if it still could be dispatched then.
    public Task<IReadOnlyList<Exception>> SendHereAsync(IReadOnlyList<ReminderDelivery> due) =>
        ClaimsAsync(due.Select(d => new Claim(d.Id, null, d)).ToList());

    // A job's claim on a delivery is its dispatch key; a claim of the dispatcher's own round is the delivery it read.
    private sealed record Claim(string DeliveryId, Guid? Key, ReminderDelivery? AsDispatched);

    private async Task<IReadOnlyList<Exception>> ClaimsAsync(IReadOnlyList<Claim> claims)
    {
        var failures = new List<Exception>();
        // A request's stream takes one record per transaction: a second reminder of the same request waits for the next round.
        for (var rest = claims.ToList(); rest.Count > 0;)
        {
            var requests = new HashSet<string>();
            var round = rest.Where(c => requests.Add(RequestPart(c.DeliveryId))).ToList();
            rest = rest.Except(round).ToList();
            failures.AddRange(await RoundAsync(round));
        }
        return failures;
    }

    // Still this claim's, as read under the lock: a job's while the delivery carries its key (a job with another key
    // stands down); the dispatcher's own round's while the delivery could still be dispatched now.
    private ReminderDelivery? Claimed(Claim claim, ReminderDelivery? stored, DateTimeOffset now) => claim.Key is { } key
        ? stored is { Done: false } && stored.DispatchKey == key ? stored : null
        : (stored ?? claim.AsDispatched) is { } delivery && delivery.CanDispatch(now, options.Value.DispatchLease) ? delivery : null;

    private static string RequestPart(string deliveryId) => deliveryId.Split('/')[0];

    private sealed record Pending(ReminderDelivery Delivery, PlannedReminder Plan, HelpRequest Request, IEventStream<HelpRequest> Stream,
        ReminderWork Work, IReadOnlyList<ReminderMail> Mails, string Key);

    private sealed record Outcome(Pending Pending, IReadOnlyList<object> Events, bool Record, ReminderDelivery Delivery,
        IReadOnlyList<UndeliverableEmail> Refused, IReadOnlyList<(ReminderMail Mail, string Reason)> Undeliverable, int Retries, ReminderSent Sent);

    private async Task<IReadOnlyList<Exception>> RoundAsync(IReadOnlyList<Claim> round)
    {
        // Reading and deciding, and then mailing, each start when no request is in progress on this node, or after a
        // short wait: the people first (PeopleFirst). Recording follows the mailing at once: a node that dies between
        // the two leaves mails out and unrecorded, which go out again later (with the same Message-Id), so that
        // stretch stays as short as it can be.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var gaveWay = await people.GiveWayAsync();
        // Two runs of one job at the same moment (Hangfire's at-least-once): the second waits here and
        // then finds the deliveries done, so nobody gets a mail twice.
        await using var serial = await AdvisoryLock.AcquireAllAsync(database, round.Select(e => LockName(e.DeliveryId)));
        // An identity map: the people read below for all reminders are not read again for each.
        await using var session = sessions.IdentitySession();
        var now = clock.GetUtcNow();
        var failures = new List<Exception>();

        var planIds = round.Select(e => PlanIdOf(e.DeliveryId)).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var deliveriesQuery = batch.LoadMany<ReminderDelivery>().ById(round.Select(e => e.DeliveryId).Distinct().ToArray());
        var plansQuery = batch.LoadMany<PlannedReminder>().ById(planIds);
        var streamQueries = planIds.Select(RequestIdOf).OfType<Guid>().Distinct().ToDictionary(id => id, id => batch.Events.FetchForWriting<HelpRequest>(id));
        await batch.Execute();
        var deliveries = (await deliveriesQuery).ToDictionary(d => d.Id);
        var plans = (await plansQuery).ToDictionary(p => p.Id);
        var streams = new Dictionary<Guid, IEventStream<HelpRequest>>();
        foreach (var (id, query) in streamQueries) streams[id] = await query;

        var requests = streams.Values.Select(s => s.Aggregate).OfType<HelpRequest>().ToList();
        await PeopleAsync(session, requests);
        CandidateBatch? candidates = null;
        if (plans.Values.Any(p => p.Kind is ReminderKind.Invitation or ReminderKind.UnclaimedWidening))
            candidates = await CandidateBatch.LoadAsync(pool, session, requests.Select(r => r.CallerId).OfType<Guid>().ToList(), now, CancellationToken.None);

        var pending = new List<Pending>();
        var finished = new List<(ReminderDelivery Delivery, string Why)>();
        var seen = new HashSet<string>();
        foreach (var claim in round)
        {
            // The same entry twice in one job: once is enough.
            if (!seen.Add(claim.DeliveryId) || Claimed(claim, deliveries.GetValueOrDefault(claim.DeliveryId), now) is not { } delivery) continue;
            var plan = plans.GetValueOrDefault(delivery.PlanId);
            if (plan is null || plan.Occurrence != delivery.Occurrence || streams.GetValueOrDefault(plan.RequestId) is not { Aggregate: { } request } stream
                || !ReminderSchedule.IsOwed(request, plan.Kind, plan.Occurrence, options.Value))
            {
                finished.Add((delivery, "nicht mehr fällig"));
                continue;
            }
            if (ReminderSchedule.IsImmediate(plan.Kind) && now - plan.DueAt > options.Value.ImmediateStaleAfter)
            {
                finished.Add((delivery, "zu spät, nicht mehr verschickt"));
                continue;
            }
            ReminderWork work;
            try
            {
                work = await content.ForAsync(session, plan, request, now, candidates);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Bad data in this one request: recorded and shown, tried again later; the others go on.
                await SkipAsync(delivery, plan, now, e);
                failures.Add(e);
                continue;
            }
            var key = ReminderSchedule.Key(plan.Kind, plan.Occurrence);
            var mails = work.Mails.Where(m => !request.Handled($"{key}/{m.RecipientKey}"))
                .Select(m => m with { Message = m.Message with { DedupeKey = $"{delivery.Id}/{m.RecipientKey}" } }).ToList();
            if (mails.Count == 0 && work.Events.Count == 0 && work.Documents.Count == 0)
            {
                // Nobody to tell (a volunteer who chose no such emails, no one left to invite): no event needed.
                finished.Add((delivery, "nichts zu tun"));
                continue;
            }
            pending.Add(new Pending(delivery, plan, request, stream, work, mails, key));
        }

        var read = watch.Elapsed - gaveWay;
        gaveWay += await people.GiveWayAsync();
        var mailing = watch.Elapsed;
        var results = await email.SendBatchAsync(pending.SelectMany(p => p.Mails.Select(m => m.Message)).ToList());
        var outcomes = new List<Outcome>();
        var offset = 0;
        foreach (var p in pending)
        {
            outcomes.Add(Record(p, results.Skip(offset).Take(p.Mails.Count).ToList(), now));
            offset += p.Mails.Count;
        }

        var mailed = watch.Elapsed;
        foreach (var outcome in outcomes)
        {
            if (outcome.Record) outcome.Pending.Stream.AppendMany(outcome.Events);
            StoreDocuments(session, outcome);
        }
        DocumentRows.QueueUpsert(session, outcomes.Select(o => o.Delivery), d => d.Id);   // one statement for the round's deliveries
        foreach (var (delivery, why) in finished) Finish(session, delivery, now, why);
        try
        {
            await session.SaveChangesAsync();
        }
        catch (ConcurrencyException)
        {
            // A request changed while we were mailing, and the transaction went with it: each reminder on its own.
            foreach (var (delivery, why) in finished)
            {
                await using var alone = sessions.OpenSession();
                Finish(alone, delivery, now, why);
                await alone.SaveChangesAsync();
            }
            foreach (var outcome in outcomes) await SaveAloneAsync(outcome, now);
        }

        // Mails out and not yet recorded between "mailed" and "recorded": a node that dies there sends them again.
        logger.LogDebug("Reminder round of {Count}: gave way {GaveWay} ms, read {Read} ms, {Mails} mails in {Mailing} ms, recorded in {Recording} ms.",
            round.Count, (int)gaveWay.TotalMilliseconds, (int)read.TotalMilliseconds, results.Count, (int)(mailed - mailing).TotalMilliseconds,
            (int)(watch.Elapsed - mailed).TotalMilliseconds);
        await DispatchNextForAsync(outcomes.Select(o => o.Pending.Plan.Id).Concat(finished.Select(f => f.Delivery.PlanId)).ToList(), now);
        foreach (var outcome in outcomes)
        {
            var (plan, request) = (outcome.Pending.Plan, outcome.Pending.Request);
            metrics.Retried(outcome.Retries);
            if (outcome.Retries > 0)
                logger.LogWarning("Reminder {Key} for {Request}: {Count} mails wait for another try at {Next}.",
                    outcome.Pending.Key, request.Number, outcome.Retries, outcome.Delivery.NextAttemptAt);
            if (outcome.Undeliverable.Count > 0)
                failures.Add(new UndeliverableEmailException(
                    $"Erinnerung „{ReminderKinds.Label(plan.Kind)}“ zu {request.Number}: {outcome.Undeliverable.Count} E-Mail(s) nicht zustellbar – {outcome.Undeliverable[0].Reason}"));
        }
        return failures;
    }

    // The callers, volunteers and their profiles the reminders' content loads, in one round trip.
    private static async Task PeopleAsync(IDocumentSession session, IReadOnlyList<HelpRequest> requests)
    {
        var callers = requests.Select(r => r.CallerId).OfType<Guid>().Distinct().ToArray();
        var volunteers = requests.SelectMany(r => new[] { r.VolunteerId, r.LastDroppedAppointment?.VolunteerId, r.LastExpiry?.VolunteerId })
            .OfType<Guid>().Distinct().ToArray();
        if (callers.Length == 0 && volunteers.Length == 0) return;
        var batch = session.CreateBatchQuery();
        var loads = new List<Task>
        {
            batch.LoadMany<Caller>().ById(callers), batch.LoadMany<Account>().ById(volunteers), batch.LoadMany<VolunteerProfile>().ById(volunteers),
        };
        await batch.Execute();
        await Task.WhenAll(loads);
    }

    // What the mail server said, turned into the record: who got it, who never will, and when to try the rest.
    private Outcome Record(Pending p, IReadOnlyList<DeliveryResult> results, DateTimeOffset now)
    {
        var (delivery, plan, request, mails, key) = (p.Delivery, p.Plan, p.Request, p.Mails, p.Key);
        var delivered = new List<ReminderMail>();
        var undeliverable = new List<(ReminderMail Mail, string Reason)>();
        var retry = new List<(ReminderMail Mail, string Reason)>();
        for (var i = 0; i < mails.Count; i++)
        {
            var (status, error) = (results[i].Status, UndeliverableEmail.Redact(results[i].Error ?? ""));
            if (status == DeliveryStatus.Delivered) delivered.Add(mails[i]);
            else if (status == DeliveryStatus.Permanent) undeliverable.Add((mails[i], error));
            else retry.Add((mails[i], error));
        }
        var ambiguous = results.Any(r => r.Status == DeliveryStatus.Ambiguous);
        if (delivery.Attempts >= options.Value.Retries.Count)
        {
            undeliverable.AddRange(retry.Select(t => (t.Mail, $"Nach {delivery.Attempts + 1} Versuchen nicht zugestellt: {t.Reason}")));
            retry.Clear();
        }

        var complete = retry.Count == 0;
        var attempt = delivery.Attempts + 1;
        var sent = new ReminderSent(request.Id, plan.Kind.ToString(), plan.Occurrence, delivered.Select(m => $"{key}/{m.RecipientKey}").ToList(),
            undeliverable.Select(u => $"{key}/{u.Mail.RecipientKey}").ToList(), complete, now);
        var next = complete
            ? delivery with { Done = true, DoneAt = now, DispatchKey = null, LastError = null }
            : delivery with
            {
                Attempts = delivery.Attempts + 1, DispatchKey = null, LastError = retry[0].Reason,
                NextAttemptAt = now + (ambiguous ? options.Value.AmbiguousRetryDelay : options.Value.Retries[delivery.Attempts]),
            };
        // Only what happened is recorded: a try that reached nobody leaves no event, just the next attempt.
        var record = complete || delivered.Count > 0 || undeliverable.Count > 0;
        var events = p.Work.AfterDelivery?.Invoke(delivered) is { } afterDelivery ? [.. p.Work.Events, afterDelivery] : p.Work.Events.ToList();
        var refused = undeliverable.Select(u => Undeliverable(request, plan, u.Mail, u.Reason, attempt, now)).ToList();
        return new Outcome(p, [.. events, sent], record, next, refused, undeliverable, retry.Count, sent);
    }

    // All but the delivery, which the round writes with the others' and a reminder on its own writes itself.
    private static void StoreDocuments(IDocumentSession session, Outcome outcome)
    {
        foreach (var document in outcome.Pending.Work.Documents) session.Store(document);
        foreach (var entry in outcome.Refused) session.Store(entry);
    }

    // The record of one reminder in a transaction of its own, at the version its decision was made on.
    private async Task SaveAloneAsync(Outcome outcome, DateTimeOffset now)
    {
        var p = outcome.Pending;
        try
        {
            await using var session = sessions.OpenSession();
            if (outcome.Record)
                (await session.Events.FetchForWriting<HelpRequest>(p.Request.Id, p.Stream.StartingVersion ?? 0)).AppendMany(outcome.Events);
            StoreDocuments(session, outcome);
            session.Store(outcome.Delivery);
            await session.SaveChangesAsync();
        }
        catch (ConcurrencyException) when (outcome.Record && (p.Mails.Count > 0 || p.Work.AfterDelivery is not null))
        {
            // The mails are out: record them anyway.
            await RecordAfterConflictAsync(outcome.Events.Where(e => e is VolunteersInvited or ReminderSent).ToList(), outcome.Delivery, outcome.Refused, p.Work.Documents);
        }
        catch (ConcurrencyException)
        {
            // Nothing left the building yet (an expiry, a callback task): let the next round decide again.
            await using var again = sessions.OpenSession();
            again.Store(outcome.Delivery with { Done = false, DoneAt = null, DispatchKey = null, NextAttemptAt = now });
            await again.SaveChangesAsync();
        }
    }

    // The dispatcher sends one reminder per request at a time; the next ones due go in this node's next round, soon.
    private async Task DispatchNextForAsync(IReadOnlyList<string> planIds, DateTimeOffset now)
    {
        var requestIds = planIds.Select(RequestIdOf).OfType<Guid>().Distinct().ToArray();
        if (requestIds.Length == 0) return;
        var ids = planIds.ToArray();
        await using var session = sessions.QuerySession();
        if (await session.Query<PlannedReminder>().AnyAsync(p => p.RequestId.IsOneOf(requestIds) && p.DueAt <= now && !p.Id.IsOneOf(ids)))
            dispatch.Raise();
    }

    private async Task RecordAfterConflictAsync(
        IReadOnlyList<object> events, ReminderDelivery delivery, IEnumerable<UndeliverableEmail> undeliverable, IEnumerable<object> documents)
    {
        var requestId = ((ReminderSent)events[^1]).RequestId;
        for (var attempt = 0; ; attempt++)
        {
            await using var session = sessions.OpenSession();
            var stream = await session.Events.FetchForWriting<HelpRequest>(requestId);
            stream.AppendMany(events);
            session.Store(delivery);
            foreach (var u in undeliverable) session.Store(u);
            foreach (var d in documents) session.Store(d);
            try
            {
                await session.SaveChangesAsync();
                return;
            }
            catch (ConcurrencyException) when (attempt < 5) { }
        }
    }

    // The request's data made this reminder throw: the problem is shown on "Hinweise", the delivery
    // backs off like a mail server outage and gives up after the last retry.
    private async Task SkipAsync(ReminderDelivery delivery, PlannedReminder plan, DateTimeOffset now, Exception e)
    {
        logger.LogError(e, "Reminder {Delivery} for request {RequestId} failed; it is skipped and tried again later.", delivery.Id, plan.RequestId);
        await using var session = sessions.OpenSession();
        var number = (await session.LoadAsync<HelpRequest>(plan.RequestId))?.Number;
        var id = BackgroundProblem.IdFor(BackgroundProblem.Sending, plan.RequestId);
        session.Store(BackgroundProblem.Occurred(await session.LoadAsync<BackgroundProblem>(id), BackgroundProblem.Sending, plan.RequestId, number, e, now));
        var outOfTries = delivery.Attempts >= options.Value.Retries.Count;
        session.Store(delivery with
        {
            Attempts = delivery.Attempts + 1, DispatchKey = null, LastError = BackgroundProblem.Describe(e),
            Done = outOfTries, DoneAt = outOfTries ? now : null,
            NextAttemptAt = outOfTries ? null : now + options.Value.Retries[delivery.Attempts],
        });
        await session.SaveChangesAsync();
    }

    // Owed no more: the plan goes too; the planner writes it anew if the request changes again.
    private static void Finish(IDocumentSession session, ReminderDelivery delivery, DateTimeOffset now, string why)
    {
        session.Store(delivery with { Done = true, DoneAt = now, DispatchKey = null, LastError = why });
        session.DeleteWhere<PlannedReminder>(p => p.Id == delivery.PlanId && p.Occurrence == delivery.Occurrence);
    }

    // A delivery id is "{plan id}@{occurrence}", a plan id "{request id:N}/{kind}".
    private static string PlanIdOf(string deliveryId) => deliveryId.Split('@')[0];

    private static Guid? RequestIdOf(string planId) => Guid.TryParseExact(planId.Split('/')[0], "N", out var id) ? id : null;

    private static UndeliverableEmail Undeliverable(HelpRequest request, PlannedReminder plan, ReminderMail mail, string reason, int attempts, DateTimeOffset now) =>
        UndeliverableEmail.Of(mail.Message, ReminderKinds.Label(plan.Kind), mail.RecipientLabel, reason, now, request, attempts, isCaller: mail.RecipientKey == "caller");
}
