using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Accounts;

// An admin gives an account other roles. Null when done, otherwise why not, in German.
public static class ChangeRoles
{
    public sealed record Command(Guid AccountId, IReadOnlyList<Role> Roles) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, NpgsqlDataSource database) : ICommandHandler<Command, string?>
    {
        // Two admins demoting each other at the same moment must not leave none: counting and saving
        // happen under one advisory lock shared by every node, so the second one counts after the first saved.
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            await using var serial = await AdvisoryLock.AcquireAsync(database, AdminAccounts.Lock, ct);
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            // The network role is the installation's, not the town's: a town's admin neither gives nor takes it.
            var roles = command.Roles.Where(r => r != Role.NetworkAdmin).Concat(account.Has(Role.NetworkAdmin) ? [Role.NetworkAdmin] : []).Distinct().Order().ToList();
            if (roles.Count == 0) return "Ein Konto braucht mindestens eine Rolle.";
            if (account.Active && account.Has(Role.Admin) && !roles.Contains(Role.Admin) && await AdminAccounts.ActiveAdminsAsync(session, ct) <= 1)
                return AdminAccounts.LastAdmin;

            session.Store(account with { Roles = roles });
            audit.Record(session, AuditKind.RolesChanged, account, user.Name,
                $"{string.Join(", ", account.Roles)} → {string.Join(", ", roles)}");
            await session.SaveChangesAsync(ct);
            return null;
        }
    }
}
