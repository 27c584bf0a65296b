using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Accounts;

// What coordinators and admins do to other people's accounts. Each returns null or a German reason.
public static class ManageAccounts
{
    // A coordinator lets a registered volunteer see requests, noting whether the extended certificate
    // of conduct (erweitertes Führungszeugnis) was seen.
    public sealed record Approve(Guid AccountId, bool CertificateOfConductSeen) : ICommand<string?>;

    // Deactivation ends every session and API key of the account at once.
    public sealed record SetActive(Guid AccountId, bool Active) : ICommand<string?>;

    public sealed record ChangeRoles(Guid AccountId, IReadOnlyList<Role> Roles) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock, NpgsqlDataSource database) :
        ICommandHandler<Approve, string?>, ICommandHandler<SetActive, string?>, ICommandHandler<ChangeRoles, string?>
    {
        public async ValueTask<string?> Handle(Approve command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return NotFound;
            if (!account.Has(Role.Volunteer)) return "Nur Helferinnen und Helfer werden freigeschaltet.";
            if (!account.EmailConfirmed) return "Die E-Mail-Adresse ist noch nicht bestätigt.";
            if (account.IsApproved) return null;

            session.Store(account with
            {
                ApprovedAt = clock.GetUtcNow(), ApprovedBy = user.Name, CertificateOfConductSeen = command.CertificateOfConductSeen,
            });
            audit.Record(session, AuditKind.Approved, account, user.Name,
                command.CertificateOfConductSeen ? "Führungszeugnis gesehen" : "ohne Vermerk zum Führungszeugnis");
            await session.SaveChangesAsync(ct);
            return null;
        }

        public async ValueTask<string?> Handle(SetActive command, CancellationToken ct)
        {
            // Under the same lock as role changes: deactivating an admin also removes one.
            await using var serial = await AdvisoryLock.AcquireAsync(database, AdminsLock, ct);
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return NotFound;
            if (account.Id == user.Id && !command.Active) return "Sie können Ihr eigenes Konto nicht deaktivieren.";
            // Coordinators look after volunteers; staff accounts are the admins' business.
            if (!user.IsInRole(nameof(Role.Admin)) && account.Roles.Any(r => r != Role.Volunteer))
                return "Dieses Konto kann nur ein Admin ändern.";
            if (account.Active == command.Active) return null;
            if (!command.Active && account.Has(Role.Admin) && await ActiveAdminsAsync(ct) <= 1) return LastAdmin;

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

        // Two admins demoting each other at the same moment must not leave none: counting and saving
        // happen under one advisory lock shared by every node, so the second one counts after the first saved.
        public async ValueTask<string?> Handle(ChangeRoles command, CancellationToken ct)
        {
            await using var serial = await AdvisoryLock.AcquireAsync(database, AdminsLock, ct);
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return NotFound;
            var roles = command.Roles.Distinct().Order().ToList();
            if (roles.Count == 0) return "Ein Konto braucht mindestens eine Rolle.";
            if (account.Active && account.Has(Role.Admin) && !roles.Contains(Role.Admin) && await ActiveAdminsAsync(ct) <= 1)
                return LastAdmin;

            session.Store(account with { Roles = roles });
            audit.Record(session, AuditKind.RolesChanged, account, user.Name,
                $"{string.Join(", ", account.Roles)} → {string.Join(", ", roles)}");
            await session.SaveChangesAsync(ct);
            return null;
        }

        private Task<int> ActiveAdminsAsync(CancellationToken ct) => session.Query<Account>().CountAsync(a => a.Active && a.Roles.Contains(Role.Admin), ct);

        private const string AdminsLock = "accounts:admins";
        private const string LastAdmin = "Das letzte aktive Admin-Konto kann die Rolle Admin nicht abgeben.";
        private const string NotFound = "Dieses Konto gibt es nicht.";
    }
}
