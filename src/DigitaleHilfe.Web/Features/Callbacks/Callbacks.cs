using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Callbacks;

public static class Callbacks
{
    // Times come from the form as local Berlin time ("2026-11-27T10:30").
    public sealed record Plan : ICommand<Guid?>
    {
        public Guid RequestId { get; init; }
        public DateTime? DueLocal { get; init; }
        public string Reason { get; init; } = "";
        // Ticked by the operator for a time outside the hotline's hours or in the past.
        public bool ConfirmTime { get; init; }
    }

    public sealed record Complete : ICommand<string?>
    {
        public Guid TaskId { get; init; }
        public CallbackOutcome? Outcome { get; init; }
        public string? Note { get; init; }
        public DateTime? NextDueLocal { get; init; }
        // Follow-up calls: the senior's answer to "Hat alles geklappt?" when they were reached.
        public bool? AllGood { get; init; }
        public bool ConfirmTime { get; init; }
    }

    public sealed record ListOpen : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(CallbackTask Task, string CallerName, IReadOnlyList<string> Phones);

    public sealed class PlanValidator : AbstractValidator<Plan>
    {
        public PlanValidator(TimeProvider clock, IOptions<PlanningOptions> planning, OfficeHours hours)
        {
            RuleFor(c => c.DueLocal).NotNull().WithMessage("Bitte geben Sie an, wann zurückgerufen werden soll.")
                .PlausibleDate().WithinPlanningHorizon(clock, planning)
                .InsideOfficeHoursUnlessConfirmed(c => c.ConfirmTime, clock, hours);
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Bitte geben Sie einen Grund für den Rückruf an.")
                .MaximumLength(InputRules.ShortText).WithMessage($"Der Grund darf höchstens {InputRules.ShortText} Zeichen lang sein.");
        }
    }

    public sealed class CompleteValidator : AbstractValidator<Complete>
    {
        public CompleteValidator(TimeProvider clock, IOptions<PlanningOptions> planning, OfficeHours hours)
        {
            RuleFor(c => c.NextDueLocal).PlausibleDate().WithinPlanningHorizon(clock, planning)
                .InsideOfficeHoursUnlessConfirmed(c => c.ConfirmTime, clock, hours).When(c => c.Outcome == CallbackOutcome.NotReached);
            RuleFor(c => c.Outcome).NotNull().WithMessage("Bitte wählen Sie aus, wie der Rückruf ausgegangen ist.");
            RuleFor(c => c.NextDueLocal).NotNull().When(c => c.Outcome == CallbackOutcome.NotReached)
                .WithMessage("Bitte geben Sie an, wann Sie es noch einmal versuchen.");
            RuleFor(c => c.Note).MaximumLength(InputRules.ShortText);
        }
    }

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) :
        ICommandHandler<Plan, Guid?>, ICommandHandler<Complete, string?>, IQueryHandler<ListOpen, IReadOnlyList<Row>>
    {
        public async ValueTask<Guid?> Handle(Plan command, CancellationToken ct)
        {
            if (await session.LoadAsync<HelpRequest>(command.RequestId, ct) is not { CallerId: { } callerId, AnonymisedAt: null } request) return null;
            var now = clock.GetUtcNow();
            var task = CallbackTask.For(callerId, request, CityTime.FromLocal(command.DueLocal!.Value), command.Reason.Trim(), user.Name, now);
            session.Store(task);
            await session.SaveChangesAsync(ct);
            return task.Id;
        }

        public async ValueTask<string?> Handle(Complete command, CancellationToken ct)
        {
            if (await session.LoadAsync<CallbackTask>(command.TaskId, ct) is not { } task) return "Diesen Rückruf gibt es nicht.";
            if (task.Done) return "Dieser Rückruf ist schon erledigt.";
            var now = clock.GetUtcNow();
            var next = command.Outcome == CallbackOutcome.NotReached && command.NextDueLocal is { } local
                ? CityTime.FromLocal(local) : (DateTimeOffset?)null;

            var done = task.Record(new CallbackAttempt(now, command.Outcome!.Value, user.Name, command.Note?.Trim()), next);
            if (task.IsFollowUp && command.Outcome == CallbackOutcome.Reached)
            {
                if (command.AllGood is not { } allGood) return "Bitte wählen Sie, ob alles geklappt hat.";
                if (task.RequestId is { } requestId)
                {
                    // The answer goes through the request's write path; the call is recorded with it (or
                    // alone, when the senior had already answered by email).
                    var result = await RequestWrites.WriteAsync(session, requestId, null, request =>
                        Task.FromResult(Reminders.AnswerFollowUp.Decide(request, allGood, command.Note?.Trim(), "Telefon", user.Name, now)), ct,
                        alongside: (s, _) => s.Store(done));
                    if (result.Kind == WriteKind.Done) return null;
                }
            }
            session.Store(done);
            await session.SaveChangesAsync(ct);
            return null;
        }

        public async ValueTask<IReadOnlyList<Row>> Handle(ListOpen query, CancellationToken ct)
        {
            var tasks = await session.Query<CallbackTask>().Where(t => !t.Done).OrderBy(t => t.DueAt).ToListAsync(ct);
            var ids = tasks.Select(t => t.CallerId).Distinct().ToArray();
            var callers = ids.Length == 0 ? new Dictionary<Guid, Caller>() : (await session.LoadManyAsync<Caller>(ct, ids)).ToDictionary(c => c.Id);
            return tasks.Select(t => callers.TryGetValue(t.CallerId, out var c)
                ? new Row(t, c.Name, c.Phones.Select(Phones.Display).ToList())
                : new Row(t, "unbekannt", [])).ToList();
        }
    }
}
