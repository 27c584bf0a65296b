using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Privacy;

// The senior said on the phone that they no longer agree to their data being stored (Art. 7(3) DSGVO).
// The withdrawal is recorded first (so it is on record even if the erasure must be finished later),
// then the erasure runs: open requests are cancelled, the volunteer is told, the data goes.
public static class WithdrawConsent
{
    public sealed record Command(Guid CallerId, string? Note = null) : ICommand<EraseCaller.Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Note).MaximumLength(300).WithMessage("Bitte fassen Sie die Notiz in höchstens 300 Zeichen.");
    }

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock, IMediator mediator) : ICommandHandler<Command, EraseCaller.Result>
    {
        public async ValueTask<EraseCaller.Result> Handle(Command command, CancellationToken ct)
        {
            var caller = await session.LoadAsync<Caller>(command.CallerId, ct);
            if (caller?.MergedInto is { } survivor) caller = await session.LoadAsync<Caller>(survivor, ct);
            if (caller is null) return new EraseCaller.Result(EraseCaller.Outcome.NotFound, command.CallerId);
            if (caller.AnonymisedAt is null)
            {
                await using var s = session.DocumentStore.LightweightSession(session.TenantId);
                s.Events.Append(caller.Id, new ConsentWithdrawn(caller.Id, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), user.Name, clock.GetUtcNow()));
                await s.SaveChangesAsync(ct);
            }
            return await mediator.Send(new EraseCaller.Command(caller.Id, ErasureReason.ConsentWithdrawn), ct);
        }
    }
}
