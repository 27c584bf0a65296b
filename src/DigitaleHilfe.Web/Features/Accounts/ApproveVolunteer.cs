using DigitaleHilfe.Web.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// A coordinator lets a registered volunteer see requests, with the certificate of conduct's dates when
// they saw it (without one the volunteer helps by phone and video only). The volunteer gets an email.
// Null when done, otherwise why not, in German.
public static class ApproveVolunteer
{
    public sealed record Command(Guid AccountId, DateOnly? CertificateIssuedOn, DateOnly? CertificateSeenOn) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, TimeProvider clock, IBackgroundJobClient jobs,
        IOptions<CertificateOptions> options)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (!account.Has(Role.Volunteer)) return "Nur Helferinnen und Helfer werden freigeschaltet.";
            if (!account.EmailConfirmed) return "Die E-Mail-Adresse ist noch nicht bestätigt.";
            if (!account.Active) return "Das Konto ist deaktiviert.";
            if (account.IsApproved) return null;

            var certificate = RecordCertificate.From(command.CertificateIssuedOn, command.CertificateSeenOn, user.Name, options.Value);
            session.Store(account with { ApprovedAt = clock.GetUtcNow(), ApprovedBy = user.Name, Certificate = certificate ?? account.Certificate });
            audit.Record(session, AuditKind.Approved, account, user.Name,
                certificate is null ? "ohne Führungszeugnis (nur Telefon und Video)" : $"Führungszeugnis vom {certificate.IssuedOn:dd.MM.yyyy} gesehen");
            await session.SaveChangesAsync(ct);
            jobs.Send(account.Id, AccountMail.Approved);
            return null;
        }
    }
}
