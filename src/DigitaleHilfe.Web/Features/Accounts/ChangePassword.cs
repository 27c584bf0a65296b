using DigitaleHilfe.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace DigitaleHilfe.Web.Features.Accounts;

// A signed-in person sets a new password. Every other sign-in of the account ends ("sign out
// everywhere"); this one carries on under the new security stamp.
public static class ChangePassword
{
    public sealed record Command : ICommand<string?>
    {
        public string CurrentPassword { get; init; } = "";
        public string NewPassword { get; init; } = "";
        public string NewPasswordConfirmation { get; init; } = "";
        public Guid SessionId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Bitte geben Sie Ihr bisheriges Passwort ein.");
            RuleFor(c => c.NewPassword).AcceptablePassword();
            RuleFor(c => c.NewPasswordConfirmation).Equal(c => c.NewPassword).WithMessage("Die beiden Passwörter stimmen nicht überein.");
        }
    }

    public sealed class Handler(IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (user.Id is not { } id || await session.LoadAsync<Account>(id, ct) is not { } account) return "Bitte melden Sie sich an.";
            if (hasher.VerifyHashedPassword(account, account.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed)
                return "Das bisherige Passwort stimmt nicht.";
            if (PasswordRules.Problem(command.NewPassword, account.Email) is { } problem) return problem;

            var now = clock.GetUtcNow();
            account = account with { PasswordHash = hasher.HashPassword(account, command.NewPassword), SecurityStamp = Guid.NewGuid() };
            session.Store(account);
            await Sessions.EndAllAsync(session, account.Id, now, ct, except: command.SessionId);
            if (await session.LoadAsync<UserSession>(command.SessionId, ct) is { } current)
                session.Store(current with { SecurityStamp = account.SecurityStamp, LastSeenAt = now });
            audit.Record(session, AuditKind.PasswordChanged, account, user.Name);
            audit.Record(session, AuditKind.SignedOutEverywhere, account, user.Name, "nach Passwortänderung");
            await session.SaveChangesAsync(ct);
            return null;
        }
    }
}
