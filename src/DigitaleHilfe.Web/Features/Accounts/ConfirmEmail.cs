namespace DigitaleHilfe.Web.Features.Accounts;

public static class ConfirmEmail
{
    public sealed record Command(string Token) : ICommand<bool>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var token = await AccountTokens.FindValidAsync(session, command.Token, TokenPurpose.ConfirmEmail, now, ct);
            if (token is null || await session.LoadAsync<Account>(token.AccountId, ct) is not { } account) return false;

            session.Store(account with { EmailConfirmed = true });
            session.Store(token with { UsedAt = now });
            audit.Record(session, AuditKind.EmailConfirmed, account, account.Email);
            await session.SaveChangesAsync(ct);
            return true;
        }
    }
}
