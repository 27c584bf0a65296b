using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Accounts;

public static class SignOut
{
    // Everywhere: all sessions of the account end, on every device.
    public sealed record Command(Guid SessionId, bool Everywhere = false) : ICommand<Unit>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            if (await session.LoadAsync<UserSession>(command.SessionId, ct) is not { } current) return Unit.Value;
            var account = await session.LoadAsync<Account>(current.AccountId, ct);

            if (command.Everywhere && account is not null)
            {
                session.Store(account with { SecurityStamp = Guid.NewGuid() });
                await Sessions.EndAllAsync(session, account.Id, now, ct);
            }
            session.Store(current with { EndedAt = now });
            audit.Record(session, command.Everywhere ? AuditKind.SignedOutEverywhere : AuditKind.SignedOut, account, user.Name);
            await session.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
