using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Accounts;

// Deactivation ends every session and revokes every API key of the account at once (for good: a
// reactivated account needs a new key). Coordinators may do this to volunteers, admins to anyone but
// themselves and the last admin. Null when done, otherwise why not, in German.
public static class SetAccountActive
{
    public sealed record Command(Guid AccountId, bool Active) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock, NpgsqlDataSource database)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            // Under the same lock as role changes: deactivating an admin also removes one.
            await using var serial = await AdvisoryLock.AcquireAsync(database, AdminAccounts.Lock, ct);
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (account.Id == user.Id && !command.Active) return "Sie können Ihr eigenes Konto nicht deaktivieren.";
            // Coordinators look after volunteers; staff accounts are the admins' business.
            if (!user.IsInRole(nameof(Role.Admin)) && account.Roles.Any(r => r != Role.Volunteer))
                return "Dieses Konto kann nur die Administration ändern.";
            if (account.Active == command.Active) return null;
            if (!command.Active && account.Has(Role.Admin) && await AdminAccounts.ActiveAdminsAsync(session, ct) <= 1) return AdminAccounts.LastAdmin;

            session.Store(account with { Active = command.Active, SecurityStamp = Guid.NewGuid() });
            if (!command.Active)
            {
                var now = clock.GetUtcNow();
                await Sessions.EndAllAsync(session, account.Id, now, ct);
                // Revoked for good: reactivating the account does not bring old keys back.
                foreach (var key in await session.Query<ApiKey>().Where(k => k.AccountId == account.Id && k.RevokedAt == null).ToListAsync(ct))
                    session.Store(key with { RevokedAt = now });
            }
            audit.Record(session, command.Active ? AuditKind.Reactivated : AuditKind.Deactivated, account, user.Name);
            await session.SaveChangesAsync(ct);
            return null;
        }
    }
}
