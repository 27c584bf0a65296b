using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Hangfire;

namespace DigitaleHilfe.Web.Features.Accounts;

// A coordinator turns a registration down. The account is deactivated (its sign-ins end); the applicant
// gets an email, with the reason only when the coordinator chose to share it.
public static class RejectVolunteer
{
    public sealed record Command : ICommand<string?>
    {
        public Guid AccountId { get; init; }
        public string Reason { get; init; } = "";
        public bool ShowReason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Bitte geben Sie einen Grund an (für die Koordination).")
            .MaximumLength(InputRules.ShortText).WithMessage($"Der Grund darf höchstens {InputRules.ShortText} Zeichen lang sein.");
    }

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock, IBackgroundJobClient jobs)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (!account.Has(Role.Volunteer) || account.IsApproved) return "Nur eine noch nicht freigeschaltete Anmeldung kann abgelehnt werden.";
            if (account.Rejection is not null) return null;

            session.Store(account with
            {
                Active = false, SecurityStamp = Guid.NewGuid(),
                Rejection = new VolunteerRejection(command.Reason.Trim(), command.ShowReason, user.Name, clock.GetUtcNow()),
            });
            audit.Record(session, AuditKind.Rejected, account, user.Name, command.Reason.Trim());
            await session.SaveChangesAsync(ct);
            jobs.Send(account.Id, AccountMail.Rejected);
            return null;
        }
    }
}
