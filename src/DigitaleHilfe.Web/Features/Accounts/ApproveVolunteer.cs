using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Accounts;

// A coordinator lets a registered volunteer see requests, noting whether the extended certificate of
// conduct (erweitertes Führungszeugnis) was seen. Null when done, otherwise why not, in German.
public static class ApproveVolunteer
{
    public sealed record Command(Guid AccountId, bool CertificateOfConductSeen) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
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
    }
}
