using Hangfire;

namespace DigitaleHilfe.Web.Features.Accounts;

// Sends a reset link if the address belongs to an active account. The page says the same either way.
public static class ForgotPassword
{
    public sealed record Command : ICommand<Unit>
    {
        public string Email { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Email).NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse an.").MaximumLength(254).WithMessage("Die E-Mail-Adresse ist zu lang.")
                .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
    }

    // Known or not, the same work: one lookup, one audit entry, one save, one job (which does nothing
    // for Guid.Empty). The job sends the mail, so a slow mail server does not show in the answer either.
    public sealed class Handler(IDocumentSession session, SecurityAudit audit, IBackgroundJobClient jobs) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email && a.Active, ct);
            audit.Record(session, AuditKind.PasswordResetRequested, account, email, account is null ? "unbekannte E-Mail-Adresse" : null);
            await session.SaveChangesAsync(ct);
            jobs.Send(account?.Id, AccountMail.ResetPassword);
            return Unit.Value;
        }
    }
}
