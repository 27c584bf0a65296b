using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using JasperFx;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Privacy;

// Erases a senior (Art. 17 DSGVO; also after a withdrawn consent and when the retention period ran out).
// In three steps, each its own transaction and each safe to repeat, so a crash in between is finished by
// the next retention run (or a second click):
// 1. open requests are cancelled through the one write path (the volunteer gets the usual cancellation);
// 2. the Caller document keeps only id, district and first-seen year; every request stream gets
//    RequestAnonymised; callbacks, pending reminders, follow-up links and bounced senior mails go;
// 3. the events are masked in place (MaskingRules) and the request snapshots rebuilt from them.
// What survives is what statistics need: topic, district, mode, times, status, outcome, minutes.
public static class EraseCaller
{
    public sealed record Command(Guid CallerId, ErasureReason Reason, string? Note = null) : ICommand<Result>;

    public enum Outcome { Erased, AlreadyErased, NotFound, Refused }

    public sealed record Result(Outcome Outcome, Guid CallerId, DateTimeOffset? At = null, int Requests = 0, string? Refusal = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).IsInEnum();
            RuleFor(c => c.Note).MaximumLength(300).WithMessage("Bitte fassen Sie den Grund in höchstens 300 Zeichen.");
            RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == ErasureReason.Request)
                .WithMessage("Bitte geben Sie den Grund für die Löschung an (ohne Namen oder Telefonnummern).");
        }
    }

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock, NpgsqlDataSource database) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var caller = await session.LoadAsync<Caller>(command.CallerId, ct);
            // A duplicate folded into another entry is that person: erase the one kept.
            if (caller?.MergedInto is { } survivor) caller = await session.LoadAsync<Caller>(survivor, ct);
            if (caller is null) return new Result(Outcome.NotFound, command.CallerId);
            // Two erasures of one person at once (a double click, the retention run beside a coordinator)
            // queue up: the second finds the first one's work done.
            await using var serial = await AdvisoryLock.AcquireAsync(database, $"erase:{caller.Id}", ct);
            caller = await ReloadAsync(caller.Id, ct);
            if (caller.ErasureComplete) return new Result(Outcome.AlreadyErased, caller.Id, caller.AnonymisedAt);

            var stored = await session.Query<HelpRequest>().Where(r => r.CallerId == caller.Id).ToListAsync(ct);
            var requests = stored.Select(r => r.Id).ToList();
            if (caller.AnonymisedAt is null)
            {
                if (await CancelOpenRequestsAsync(stored.Where(r => r.IsActive).Select(r => r.Id).ToList(), command.Reason, ct) is { } refusal)
                    return new Result(Outcome.Refused, caller.Id, Refusal: refusal);
                await AnonymiseAsync(caller.Id, requests, command, ct);
            }
            var at = await MaskAndRebuildAsync(caller.Id, requests, ct);
            return new Result(Outcome.Erased, caller.Id, at, requests.Count);
        }

        private async Task<Caller> ReloadAsync(Guid id, CancellationToken ct)
        {
            await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
            return (await fresh.LoadAsync<Caller>(id, ct))!;
        }

        private Actor Actor() => user.Id is null
            ? HelpRequests.Actor.System
            : new Actor(user.Id, user.Name, user.IsInRole(nameof(Role.Coordinator)), user.IsInRole(nameof(Role.Operator)), IsVolunteer: false);

        private async Task<string?> CancelOpenRequestsAsync(IReadOnlyList<Guid> requests, ErasureReason reason, CancellationToken ct)
        {
            foreach (var id in requests)
            {
                await using var write = session.DocumentStore.LightweightSession(session.TenantId);
                var result = await RequestWrites.WriteAsync(write, id, null,
                    r => Task.FromResult(Lifecycle.Decide(r, new CancelForErasure($"Daten gelöscht: {ErasureReasons.German(reason)}"), Actor(), clock.GetUtcNow())), ct);
                if (!result.Succeeded) return result.Reason;
            }
            return null;
        }

        private async Task AnonymiseAsync(Guid callerId, IReadOnlyList<Guid> requestIds, Command command, CancellationToken ct)
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var s = session.DocumentStore.LightweightSession(session.TenantId);
                var now = clock.GetUtcNow();
                var caller = (await s.LoadAsync<Caller>(callerId, ct))!;
                if (caller.AnonymisedAt is not null) return;
                var requests = (await s.LoadManyAsync<HelpRequest>(ct, requestIds)).ToList();
                var duplicates = await s.Query<Caller>().Where(c => c.MergedInto == callerId).ToListAsync(ct);
                var district = requests.OrderByDescending(r => r.LoggedAt).FirstOrDefault()?.District;

                s.Store(caller.Anonymised(district, command.Reason, now));
                foreach (var duplicate in duplicates) s.Store(duplicate.Anonymised(district, command.Reason, now) with { ErasureComplete = true });
                foreach (var request in requests.Where(r => r.AnonymisedAt is null))
                    s.Events.Append(request.Id, new RequestAnonymised(request.Id, command.Reason, now));
                s.Events.Append(callerId, new CallerAnonymised(callerId, command.Reason, command.Note, requestIds.ToList(), user.Name, now));

                var callers = duplicates.Select(d => d.Id).Append(callerId).ToArray();
                var ids = requestIds.ToArray();
                s.DeleteWhere<CallbackTask>(t => t.CallerId.IsOneOf(callers));
                // The cancellation to the volunteer still goes out (ReminderSchedule); nothing else does.
                s.DeleteWhere<PlannedReminder>(p => p.RequestId.IsOneOf(ids) && p.Kind != ReminderKind.AppointmentCancellation);
                s.DeleteWhere<FollowUpLink>(l => l.RequestId.IsOneOf(ids));
                var nullable = ids.Cast<Guid?>().ToArray();
                s.DeleteWhere<UndeliverableEmail>(u => u.IsCaller && u.RequestId.IsOneOf(nullable));
                try
                {
                    await s.SaveChangesAsync(ct);
                    return;
                }
                catch (ConcurrencyException) when (attempt < RequestWrites.Attempts)
                {
                    // A volunteer's step landed on one of the streams at the same moment: try again.
                }
            }
        }

        private async Task<DateTimeOffset?> MaskAndRebuildAsync(Guid callerId, IReadOnlyList<Guid> requestIds, CancellationToken ct)
        {
            var store = session.DocumentStore;
            await using var s = store.LightweightSession(session.TenantId);
            var duplicates = await s.Query<Caller>().Where(c => c.MergedInto == callerId).Select(c => c.Id).ToListAsync(ct);
            await new CallerErasure().MaskAsync(store, session.TenantId, [.. requestIds, callerId, .. duplicates], ct);

            await Erasure.RebuildRequestsAsync(s, requestIds, ct);
            var caller = (await s.LoadAsync<Caller>(callerId, ct))!;
            s.Store(caller with { ErasureComplete = true });
            await s.SaveChangesAsync(ct);
            return caller.AnonymisedAt;
        }
    }
}
