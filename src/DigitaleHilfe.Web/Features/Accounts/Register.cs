using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// A volunteer signs up. The account can sign in once the email address is confirmed, and sees
// requests once a coordinator has approved it. The answer is the same whether or not the address
// already had an account, so the form cannot be used to find out who volunteers here.
public static class Register
{
    public sealed record Command : ICommand<Unit>
    {
        public string Name { get; init; } = "";
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";
        public string PasswordConfirmation { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte geben Sie Ihren Namen an.")
                .MaximumLength(InputRules.ShortText).WithMessage($"Der Name darf höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.Email).NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse an.")
                .MaximumLength(254).EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
            RuleFor(c => c.Password).AcceptablePassword(c => c.Email);
            RuleFor(c => c.PasswordConfirmation).Equal(c => c.Password).WithMessage("Die beiden Passwörter stimmen nicht überein.");
        }
    }

    public sealed class Handler(
        IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, ConfirmationMail mail,
        PublicLinks links, IOptions<AccountOptions> options, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var email = Account.Normalise(command.Email);
            var existing = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, ct);
            if (existing is not null)
            {
                var token = AccountTokens.Issue(session, existing.Id, TokenPurpose.ResetPassword, now, options.Value.PasswordResetLifetime);
                await session.SaveChangesAsync(ct);
                await mail.TrySendAsync(AccountEmails.AlreadyRegistered(existing, links.To($"Account/ResetPassword?token={token}")), ct);
                return Unit.Value;
            }

            var account = new Account
            {
                Id = Guid.CreateVersion7(now), Email = email, Name = command.Name.Trim(), Roles = [Role.Volunteer], CreatedAt = now,
            };
            account = account with { PasswordHash = hasher.HashPassword(account, command.Password) };
            session.Store(account);
            audit.Record(session, AuditKind.Registered, account, account.Email);
            var confirmation = mail.Prepare(session, account);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
                                      || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // The same address registered twice at the same moment: the first one counts, and the
                // answer stays the same as for any known address.
                return Unit.Value;
            }
            await mail.TrySendAsync(confirmation, ct);
            return Unit.Value;
        }
    }
}
