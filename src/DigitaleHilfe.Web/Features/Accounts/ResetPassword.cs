using Microsoft.AspNetCore.Identity;

namespace DigitaleHilfe.Web.Features.Accounts;

public static class ResetPassword
{
    public sealed record Command : ICommand<string?>
    {
        public string Token { get; init; } = "";
        public string Password { get; init; } = "";
        public string PasswordConfirmation { get; init; } = "";
    }

    public const string InvalidLink = "Dieser Link ist ungültig, schon benutzt oder abgelaufen. Bitte fordern Sie einen neuen an.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Password).AcceptablePassword();
            RuleFor(c => c.PasswordConfirmation).Equal(c => c.Password).WithMessage("Die beiden Passwörter stimmen nicht überein.");
        }
    }

    // Returns null on success, otherwise the reason.
    public sealed class Handler(IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, TimeProvider clock)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var token = await AccountTokens.FindValidAsync(session, command.Token, TokenPurpose.ResetPassword, now, ct);
            if (token is null || await session.LoadAsync<Account>(token.AccountId, ct) is not { Active: true } account) return InvalidLink;
            if (PasswordRules.Problem(command.Password, account.Email) is { } problem) return problem;

            // The mailbox is proven, so the address counts as confirmed; every old sign-in ends.
            account = account with
            {
                PasswordHash = hasher.HashPassword(account, command.Password), SecurityStamp = Guid.NewGuid(), EmailConfirmed = true,
            };
            session.Store(account);
            session.Store(token with { UsedAt = now });
            await Sessions.EndAllAsync(session, account.Id, now, ct);
            audit.Record(session, AuditKind.PasswordReset, account, account.Email);
            await session.SaveChangesAsync(ct);
            return null;
        }
    }
}
