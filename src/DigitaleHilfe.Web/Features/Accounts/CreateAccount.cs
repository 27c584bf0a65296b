using Microsoft.AspNetCore.Identity;

namespace DigitaleHilfe.Web.Features.Accounts;

// Accounts made by an administrator (command line, demo data) are active, confirmed and approved.
public static class CreateAccount
{
    public sealed record Command(string Email, string Name, IReadOnlyList<Role> Roles, string Password) : ICommand<Result>;

    public sealed record Result(Account? Account, string? Refusal);

    public sealed class Handler(IDocumentSession session, IPasswordHasher<Account> hasher, SecurityAudit audit, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            if (await session.Query<Account>().AnyAsync(a => a.Email == email, ct))
                return new Result(null, $"Es gibt schon ein Konto für {email}.");
            if (PasswordRules.Problem(command.Password, email) is { } problem) return new Result(null, problem);

            var now = clock.GetUtcNow();
            var account = new Account
            {
                Id = Guid.CreateVersion7(now), Email = email, Name = command.Name.Trim(), Roles = command.Roles.Distinct().Order().ToList(),
                EmailConfirmed = true, ApprovedAt = now, ApprovedBy = "Admin", CreatedAt = now,
            };
            account = account with { PasswordHash = hasher.HashPassword(account, command.Password) };
            session.Store(account);
            audit.Record(session, AuditKind.AccountCreated, account, "Admin", string.Join(", ", account.Roles));
            await session.SaveChangesAsync(ct);
            return new Result(account, null);
        }
    }
}

public static class CreateApiKey
{
    public sealed record Command(string Email, string Label) : ICommand<string?>;

    // Returns the new key (shown once), or null when no active account has that address.
    public sealed class Handler(IDocumentSession session, SecurityAudit audit, TimeProvider clock) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email && a.Active, ct);
            if (account is null) return null;

            var (stored, key) = ApiKey.Create(account.Id, command.Label, clock.GetUtcNow());
            session.Store(stored);
            audit.Record(session, AuditKind.ApiKeyCreated, account, "Admin", $"{stored.Label} ({stored.Prefix}…)");
            await session.SaveChangesAsync(ct);
            return key;
        }
    }
}
