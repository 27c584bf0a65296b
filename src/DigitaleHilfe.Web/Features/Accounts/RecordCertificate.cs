using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// Enters (or renews) a volunteer's certificate of conduct after a coordinator has seen it.
public static class RecordCertificate
{
    public sealed record Command(Guid AccountId, DateOnly IssuedOn, DateOnly SeenOn) : ICommand<string?>;

    public static CertificateRecord? From(DateOnly? issuedOn, DateOnly? seenOn, string by, CertificateOptions options) =>
        issuedOn is { } issued && seenOn is { } seen ? CertificateRules.Of(issued, seen, by, options) : null;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, IOptions<CertificateOptions> options)
        : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (!account.Has(Role.Volunteer)) return "Ein Führungszeugnis wird nur für Helferinnen und Helfer eingetragen.";
            var certificate = CertificateRules.Of(command.IssuedOn, command.SeenOn, user.Name, options.Value);
            session.Store(account with { Certificate = certificate });
            audit.Record(session, AuditKind.CertificateRecorded, account, user.Name, $"ausgestellt am {command.IssuedOn:dd.MM.yyyy}");
            await session.SaveChangesAsync(ct);
            return null;
        }
    }
}
