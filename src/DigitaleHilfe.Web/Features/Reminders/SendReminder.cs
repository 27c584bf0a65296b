using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;
using JasperFx;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Reminders;

// The Hangfire job for one due reminder. Hangfire may run a job twice (a server dies mid-job, a lease
// runs out), so: re-read the request, ask whether the reminder is still owed, mail only recipients
// not yet recorded, and record them with ReminderSent under the stream's expected version. A second
// run finds the record and does nothing. Its arguments are ids only, never an address or a name.
public sealed class SendReminder(
    IDocumentStore store, IEmailSender email, ReminderContent content, IOptions<ReminderOptions> options, TimeProvider clock,
    IBackgroundJobClient jobs, NpgsqlDataSource database, ILogger<SendReminder> logger)
{
    // Our own retries (with back-off by the app's clock) instead of Hangfire's: a failed job in
    // /jobs then means "undeliverable" (or a request the work had to skip, see BackgroundProblem).
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Erinnerung {0}")]
    public async Task RunAsync(string deliveryId, Guid dispatchKey)
    {
        // Two runs of one job at the same moment (Hangfire's at-least-once): the second waits here and
        // then finds the delivery done, so nobody gets the mail twice.
        await using var serial = await AdvisoryLock.AcquireAsync(database, $"reminder:{deliveryId}");
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<ReminderDelivery>(deliveryId);
        if (delivery is not { Done: false } || delivery.DispatchKey != dispatchKey) return;   // another job holds it
        var now = clock.GetUtcNow();
        var plan = await session.LoadAsync<PlannedReminder>(delivery.PlanId);
        if (plan is null || plan.Occurrence != delivery.Occurrence)
        {
            await FinishAsync(delivery, now, "nicht mehr fällig");
            return;
        }
        try
        {
            await SendAsync(session, delivery, plan, now);
        }
        catch (Exception e) when (e is not (UndeliverableEmailException or OperationCanceledException))
        {
            // Bad data in this one request: recorded and shown, tried again later; the others go on.
            await SkipAsync(delivery, plan, now, e);
            throw;
        }
    }

    private async Task SendAsync(IDocumentSession session, ReminderDelivery delivery, PlannedReminder plan, DateTimeOffset now)
    {
        var stream = await session.Events.FetchForWriting<HelpRequest>(plan.RequestId);
        if (stream.Aggregate is not { } request || !ReminderSchedule.IsOwed(request, plan.Kind, plan.Occurrence, options.Value))
        {
            await FinishAsync(delivery, now, "nicht mehr fällig");
            return;
        }

        if (ReminderSchedule.IsImmediate(plan.Kind) && now - plan.DueAt > options.Value.ImmediateStaleAfter)
        {
            await FinishAsync(delivery, now, "zu spät, nicht mehr verschickt");
            return;
        }

        var work = await content.ForAsync(session, plan, request, now);
        var key = ReminderSchedule.Key(plan.Kind, plan.Occurrence);
        var mails = work.Mails.Where(m => !request.Handled($"{key}/{m.RecipientKey}"))
            .Select(m => m with { Message = m.Message with { DedupeKey = $"{delivery.Id}/{m.RecipientKey}" } }).ToList();
        if (mails.Count == 0 && work.Events.Count == 0 && work.Documents.Count == 0)
        {
            // Nobody to tell (a volunteer who chose no such emails, no one left to invite): no event needed.
            await FinishAsync(delivery, now, "nichts zu tun");
            return;
        }
        var results = await email.SendBatchAsync(mails.Select(m => m.Message).ToList());

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
        var outOfTries = delivery.Attempts >= options.Value.Retries.Count;
        if (outOfTries)
        {
            undeliverable.AddRange(retry.Select(t => (t.Mail, $"Nach {delivery.Attempts + 1} Versuchen nicht zugestellt: {t.Reason}")));
            retry.Clear();
        }

        var complete = retry.Count == 0;
        var attempt = delivery.Attempts + 1;
        var sent = new ReminderSent(request.Id, plan.Kind.ToString(), plan.Occurrence, delivered.Select(m => $"{key}/{m.RecipientKey}").ToList(),
            undeliverable.Select(u => $"{key}/{u.Mail.RecipientKey}").ToList(), complete, now);
        delivery = complete
            ? delivery with { Done = true, DoneAt = now, DispatchKey = null, LastError = null }
            : delivery with
            {
                Attempts = delivery.Attempts + 1, DispatchKey = null, LastError = retry[0].Reason,
                NextAttemptAt = now + (ambiguous ? options.Value.AmbiguousRetryDelay : options.Value.Retries[delivery.Attempts]),
            };

        // Only what happened is recorded: a try that reached nobody leaves no event, just the next attempt.
        var record = complete || delivered.Count > 0 || undeliverable.Count > 0;
        var events = work.AfterDelivery?.Invoke(delivered) is { } afterDelivery ? [.. work.Events, afterDelivery] : work.Events.ToList();
        if (record) stream.AppendMany([.. events, sent]);
        foreach (var document in work.Documents) session.Store(document);
        var refused = undeliverable.Select(u => Undeliverable(request, plan, u.Mail, u.Reason, attempt, now)).ToList();
        foreach (var entry in refused) session.Store(entry);
        session.Store(delivery);
        try
        {
            await session.SaveChangesAsync();
        }
        catch (ConcurrencyException) when (record && (mails.Count > 0 || work.AfterDelivery is not null))
        {
            // The request changed while we were mailing. The mails are out: record them anyway.
            await RecordAfterConflictAsync(events.Where(e => e is VolunteersInvited).Append(sent).ToList(), delivery, refused, work.Documents);
        }
        catch (ConcurrencyException)
        {
            // Nothing left the building yet (an expiry, a callback task): let the next round decide again.
            await using var again = store.LightweightSession();
            again.Store(delivery with { Done = false, DoneAt = null, DispatchKey = null, NextAttemptAt = now });
            await again.SaveChangesAsync();
            return;
        }

        await DispatchNextForAsync(plan, now);
        if (retry.Count > 0)
            logger.LogWarning("Reminder {Key} for {Request}: {Count} mails wait for another try at {Next}.", key, request.Number, retry.Count, delivery.NextAttemptAt);
        if (undeliverable.Count > 0)
            throw new UndeliverableEmailException(
                $"Erinnerung „{ReminderKinds.Label(plan.Kind)}“ zu {request.Number}: {undeliverable.Count} E-Mail(s) nicht zustellbar – {undeliverable[0].Reason}");
    }

    // The dispatcher sends one reminder per request at a time; the next one due goes now, not a round later.
    private async Task DispatchNextForAsync(PlannedReminder plan, DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        if (await session.Query<PlannedReminder>().AnyAsync(p => p.RequestId == plan.RequestId && p.DueAt <= now && p.Id != plan.Id))
            jobs.Enqueue<DispatchReminders>(d => d.RunAsync());
    }

    private async Task RecordAfterConflictAsync(
        IReadOnlyList<object> events, ReminderDelivery delivery, IEnumerable<UndeliverableEmail> undeliverable, IEnumerable<object> documents)
    {
        var requestId = ((ReminderSent)events[^1]).RequestId;
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
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
        await using var session = store.LightweightSession();
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

    private async Task FinishAsync(ReminderDelivery delivery, DateTimeOffset now, string why)
    {
        await using var session = store.LightweightSession();
        session.Store(delivery with { Done = true, DoneAt = now, DispatchKey = null, LastError = why });
        // The plan is owed no more; the planner writes it anew if the request changes again.
        session.DeleteWhere<PlannedReminder>(p => p.Id == delivery.PlanId && p.Occurrence == delivery.Occurrence);
        await session.SaveChangesAsync();
        if (Guid.TryParseExact(delivery.PlanId.Split('/')[0], "N", out var requestId))
            await DispatchNextForAsync(new PlannedReminder { Id = delivery.PlanId, RequestId = requestId }, now);
    }

    private static UndeliverableEmail Undeliverable(HelpRequest request, PlannedReminder plan, ReminderMail mail, string reason, int attempts, DateTimeOffset now) =>
        UndeliverableEmail.Of(mail.Message, ReminderKinds.Label(plan.Kind), mail.RecipientLabel, reason, now, request, attempts, isCaller: mail.RecipientKey == "caller");
}
