using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// A senior calls again with more to say: the operator adds it to the open request.
public static class AddDetails
{
    public sealed record Command : ICommand<bool>
    {
        public Guid RequestId { get; init; }
        public string Text { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Text).NotEmpty().WithMessage("Bitte schreiben Sie, was ergänzt werden soll.")
                .MaximumLength(InputRules.LongText).WithMessage($"Die Ergänzung darf höchstens {InputRules.LongText} Zeichen lang sein.");
    }

    public static RequestDetailsAdded Decide(HelpRequest state, Command c, string by, DateTimeOffset now) =>
        new(state.Id, c.Text.Trim(), by, now);

    // False when there is no such request.
    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
        {
            // Details add to whatever the request is now: decided again, never refused, after a race.
            var result = await RequestWrites.WriteAsync(session, command.RequestId, null,
                request => Task.FromResult(request.AnonymisedAt is null
                    ? Decision.Append(Decide(request, command, user.Name, clock.GetUtcNow()))
                    : Decision.Refuse(Lifecycle.Anonymised)), ct);
            // An erased request takes no new details: as far as the form is concerned, it is gone.
            return result.Kind is not (WriteKind.NotFound or WriteKind.Refused);
        }
    }
}
