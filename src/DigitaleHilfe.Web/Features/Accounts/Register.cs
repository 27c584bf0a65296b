using DigitaleHilfe.Web.Infrastructure;
using Hangfire;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

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

    // Both paths do the same work in the same order (one hash, one lookup, one save, one job), so the
    // answer's timing does not tell whether the address is known; the mail goes from a job.
    public sealed class Handler(
        IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, IBackgroundJobClient jobs, TimeProvider clock)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var email = Account.Normalise(command.Email);
            var account = new Account
            {
                Id = Guid.CreateVersion7(now), Email = email, Name = command.Name.Trim(), Roles = [Role.Volunteer], CreatedAt = now,
            };
            account = account with { PasswordHash = hasher.HashPassword(account, command.Password) };
            var existing = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, ct);
            if (existing is not null)
            {
                audit.Record(session, AuditKind.Registered, existing, existing.Email, "erneute Registrierung mit bekannter Adresse");
                await session.SaveChangesAsync(ct);
                jobs.Send(existing.Id, AccountMail.AlreadyRegistered);
                return Unit.Value;
            }

            session.Store(account);
            audit.Record(session, AuditKind.Registered, account, account.Email);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (Infrastructure.Persistence.UniqueViolation.Is(e))
            {
                // The same address registered twice at the same moment: the first one counts, and the
                // answer stays the same as for any known address.
                return Unit.Value;
            }
            jobs.Send(account.Id, AccountMail.ConfirmEmail);
            return Unit.Value;
        }
    }
}
