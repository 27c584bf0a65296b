using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Privacy;

// A volunteer (or staff member) left and asked to be erased. The account keeps its id (so the hours
// they gave still count), its name becomes a role ("ehemalige/r Helfer/in") and its address goes. On
// every request event they took part in, their name is masked (MaskingRules, PersonErasure); their
// email address leaves the audit log. Null when done, otherwise why not, in German.
public static class EraseAccount
{
    public const string FormerVolunteer = "ehemalige/r Helfer/in", FormerStaff = "ehemalige/r Mitarbeiter/in";

    public sealed record Command(Guid AccountId) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock, NpgsqlDataSource database)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            await using var serial = await AdvisoryLock.AcquireAsync(database, AdminAccounts.Lock, ct);
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (account.ErasedAt is not null) return null;
            if (account.Id == user.Id) return "Sie können Ihr eigenes Konto nicht löschen.";
            if (account.Has(Role.Admin) && account.Active && await AdminAccounts.ActiveAdminsAsync(session, ct) <= 1) return AdminAccounts.LastAdmin;
            var holding = await session.Query<HelpRequest>().CountAsync(r => r.VolunteerId == account.Id
                && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled), ct);
            if (holding > 0)
                return $"{account.Name} betreut noch {holding} {(holding == 1 ? "Anfrage" : "Anfragen")}. Bitte weisen Sie sie zuerst jemand anderem zu.";

            var now = clock.GetUtcNow();
            var former = account.Has(Role.Volunteer) ? FormerVolunteer : FormerStaff;
            // Events first, documents last: a crash in between leaves the account as it was, and a second
            // erasure finds whatever the first did not mask yet (masking is idempotent).
            var streams = await AccountStreams.MentioningAsync(database, session.TenantId, account, ct);
            await new PersonErasure(account.Id, account.Name, former).MaskAsync(session.DocumentStore, session.TenantId, [.. streams, account.Id], ct);
            await using (var rebuild = session.DocumentStore.LightweightSession(session.TenantId))
            {
                var requests = (await rebuild.LoadManyAsync<HelpRequest>(ct, streams)).Select(r => r.Id);
                await Erasure.RebuildRequestsAsync(rebuild, requests, ct);
                await rebuild.SaveChangesAsync(ct);
            }
            await ScrubDocumentsAsync(account, former, now, ct);
            return null;
        }

        // The account, its sign-ins and keys, the audit log and the documents that name the person, in one
        // transaction with the AccountErased event.
        private async Task ScrubDocumentsAsync(Account account, string former, DateTimeOffset now, CancellationToken ct)
        {
            string Rename(string? by) => by == account.Name || by == account.Email ? former : by ?? "";
            session.Store(account with
            {
                Name = former, Email = $"geloescht-{account.Id:N}@konto.invalid", PasswordHash = "", Active = false, EmailConfirmed = false,
                Certificate = null, Rejection = null, CertificateOfConductSeen = false, SecurityStamp = Guid.NewGuid(), ErasedAt = now,
            });
            session.DeleteWhere<UserSession>(s => s.AccountId == account.Id);
            session.DeleteWhere<ApiKey>(k => k.AccountId == account.Id);
            session.DeleteWhere<AccountToken>(t => t.AccountId == account.Id);
            session.DeleteWhere<UndeliverableEmail>(u => u.Address == account.Email);
            foreach (var entry in await session.Query<AuditEntry>()
                         .Where(e => e.AccountId == account.Id || e.Actor == account.Name || e.Actor == account.Email || e.Account == account.Email).ToListAsync(ct))
                session.Store(entry with
                {
                    Account = entry.AccountId == account.Id || entry.Account == account.Email ? former : entry.Account,
                    Actor = Rename(entry.Actor),
                    Address = entry.AccountId == account.Id ? null : entry.Address,
                });
            foreach (var other in await session.Query<Account>().Where(a => a.ApprovedBy == account.Name).ToListAsync(ct))
                session.Store(other with { ApprovedBy = former });
            foreach (var alert in await session.Query<ReleaseAlert>().Where(a => a.VolunteerId == account.Id || a.DismissedBy == account.Name).ToListAsync(ct))
                session.Store(alert with { VolunteerName = alert.VolunteerId == account.Id ? former : alert.VolunteerName, DismissedBy = alert.DismissedBy is null ? null : Rename(alert.DismissedBy) });
            foreach (var task in await session.Query<CallbackTask>().Where(t => t.CreatedBy == account.Name || t.Attempts.Any(a => a.By == account.Name)).ToListAsync(ct))
                session.Store(task with { CreatedBy = Rename(task.CreatedBy), Attempts = task.Attempts.Select(a => a with { By = Rename(a.By) }).ToList() });
            session.Events.Append(account.Id, new AccountErased(account.Id, user.Name, now));
            audit.Record(session, AuditKind.Erased, account with { Email = former }, user.Name);
            await session.SaveChangesAsync(ct);
        }
    }
}
