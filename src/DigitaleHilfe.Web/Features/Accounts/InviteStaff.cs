using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Hangfire;
using Microsoft.AspNetCore.Identity;

namespace DigitaleHilfe.Web.Features.Accounts;

// An admin invites a member of staff by email with their roles; the invitee sets a password through a
// single-use link (the password-reset token, with the longer Accounts:InvitationLifetime). Until then the
// account has a random password nobody knows. The command line stays for the first admin and scripts.
public static class InviteStaff
{
    public sealed record Command : ICommand<string?>
    {
        public string Email { get; init; } = "";
        public string Name { get; init; } = "";
        public List<Role> Roles { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Bitte geben Sie die E-Mail-Adresse an.")
                .MaximumLength(254).WithMessage("Die E-Mail-Adresse ist zu lang.")
                .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
            RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen an.")
                .MaximumLength(InputRules.ShortText).WithMessage($"Der Name darf höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Bitte wählen Sie mindestens eine Rolle.");
            RuleForEach(c => c.Roles).IsInEnum().WithMessage("Diese Rolle gibt es nicht.")
                .NotEqual(Role.NetworkAdmin).WithMessage("Die Netzwerk-Rolle wird über die Kommandozeile vergeben.");
        }
    }

    public sealed class Handler(IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, ICurrentUser user,
        TimeProvider clock, IBackgroundJobClient jobs) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            if (await session.Query<Account>().AnyAsync(a => a.Email == email, ct)) return $"Es gibt schon ein Konto für {email}.";
            var now = clock.GetUtcNow();
            var account = new Account
            {
                Id = Guid.CreateVersion7(now), Email = email, Name = command.Name.Trim(), Roles = command.Roles.Distinct().Order().ToList(),
                ApprovedAt = now, ApprovedBy = user.Name, CreatedAt = now,
            };
            session.Store(account with { PasswordHash = hasher.HashPassword(account, Secrets.New()) });
            audit.Record(session, AuditKind.Invited, account, user.Name, string.Join(", ", account.Roles.Select(RoleLabels.German)));
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception e) when (Infrastructure.Persistence.UniqueViolation.Is(e))
            {
                // The same address invited twice at the same moment: the first invitation stands.
                return $"Es gibt schon ein Konto für {email}.";
            }
            jobs.Send(account.Id, AccountMail.Invitation);
            return null;
        }
    }
}

// An admin sends someone the link to set a new password (they never see or choose it themselves).
public static class SendPasswordLink
{
    public sealed record Command(Guid AccountId) : ICommand<string?>;

    public sealed class Handler(IDocumentSession session, SecurityAudit audit, ICurrentUser user, IBackgroundJobClient jobs) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(command.AccountId, ct) is not { } account) return AdminAccounts.NotFound;
            if (!account.Active) return "Das Konto ist deaktiviert. Aktivieren Sie es zuerst wieder.";
            audit.Record(session, AuditKind.PasswordResetRequested, account, user.Name, "Link von der Administration gesendet");
            await session.SaveChangesAsync(ct);
            jobs.Send(account.Id, account.EmailConfirmed ? AccountMail.ResetPassword : AccountMail.Invitation);
            return null;
        }
    }
}
