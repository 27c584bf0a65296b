using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Options;

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
            RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
    }

    public sealed class Handler(
        IDocumentSession session, SecurityAudit audit, ConfirmationMail mail, PublicLinks links,
        IOptions<AccountOptions> options, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email && a.Active, ct);
            if (account is null) return Unit.Value;

            var token = AccountTokens.Issue(session, account.Id, TokenPurpose.ResetPassword, clock.GetUtcNow(), options.Value.PasswordResetLifetime);
            audit.Record(session, AuditKind.PasswordResetRequested, account, account.Email);
            await session.SaveChangesAsync(ct);
            await mail.TrySendAsync(AccountEmails.ResetPassword(account, links.To($"Account/ResetPassword?token={token}")), ct);
            return Unit.Value;
        }
    }
}
