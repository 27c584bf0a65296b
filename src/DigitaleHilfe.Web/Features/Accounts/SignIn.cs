using System.Security.Claims;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Hangfire;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Accounts;

public static class SignIn
{
    public sealed record Command : ICommand<Result>
    {
        public string Email { get; init; } = "";
        public string Password { get; init; } = "";
        public string? ReturnUrl { get; init; }
    }

    // Either a session to put into the cookie, or a German reason to show on the form.
    public sealed record Result(UserSession? Session, Account? Account, string? Refusal);

    public const string WrongCredentials = "E-Mail-Adresse oder Passwort stimmen nicht.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Bitte geben Sie Ihre E-Mail-Adresse ein.")
                .MaximumLength(254).WithMessage("Die E-Mail-Adresse ist zu lang.");
            // No password is longer (PasswordRules); a megabyte of "password" would only cost hashing time.
            RuleFor(c => c.Password).NotEmpty().WithMessage("Bitte geben Sie Ihr Passwort ein.")
                .MaximumLength(1024).WithMessage("Das Passwort ist zu lang.");
        }
    }

    // Sign-ins for one address run one at a time across all nodes (an advisory lock), so the failures
    // are counted before the next password is checked: 40 wrong passwords at once check at most
    // LockoutFailures of them. An unknown address takes the same steps with a dummy hash.
    public sealed class Handler(
        IDocumentSession session, SecurityAudit audit, IPasswordHasher<Account> hasher, IOptions<AccountOptions> options,
        TimeProvider clock, IHttpContextAccessor http, IBackgroundJobClient jobs, NpgsqlDataSource database) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var email = Account.Normalise(command.Email);
            await using var serial = await AdvisoryLock.AcquireAsync(database, $"signin:{email}", ct);
            var now = clock.GetUtcNow();
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, ct);
            var accountId = account?.Id ?? Guid.Empty;
            var windowStart = now - options.Value.LockoutWindow;
            var failures = await session.Query<AuditEntry>()
                .Where(e => e.AccountId == accountId && e.Kind == AuditKind.SignInFailed && e.At > windowStart)
                .Select(e => e.At).ToListAsync(ct);
            if (account is null)
            {
                // Same work and answer as a wrong password, so the form does not reveal who has an account.
                hasher.VerifyHashedPassword(new Account(), DummyHash.Value, command.Password);
                audit.Record(session, AuditKind.SignInFailed, null, email, "unbekannte E-Mail-Adresse");
                await session.SaveChangesAsync(ct);
                return Refuse(WrongCredentials);
            }

            if (Lockout.LockedUntil(failures, account.LastSignInAt, now, options.Value) is { } lockedUntil)
            {
                audit.Record(session, AuditKind.SignInRefusedLocked, account, account.Email);
                await session.SaveChangesAsync(ct);
                return Refuse(LockedMessage(lockedUntil));
            }

            var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, command.Password);
            if (verified == PasswordVerificationResult.Failed)
            {
                audit.Record(session, AuditKind.SignInFailed, account, account.Email, "falsches Passwort");
                var nowLocked = Lockout.LockedUntil([.. failures, now], account.LastSignInAt, now, options.Value);
                if (nowLocked is { } until) audit.Record(session, AuditKind.LockedOut, account, account.Email, $"bis {until:O}");
                await session.SaveChangesAsync(ct);
                return Refuse(nowLocked is { } lockedNow ? LockedMessage(lockedNow) : WrongCredentials);
            }

            if (!account.Active) return Refuse("Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Koordination.");
            if (!account.EmailConfirmed)
            {
                jobs.Send(account.Id, AccountMail.ConfirmEmail);
                return Refuse("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Wir haben Ihnen den Link eben noch einmal geschickt.");
            }

            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
                account = account with { PasswordHash = hasher.HashPassword(account, command.Password) };
            account = account with { LastSignInAt = now };
            var userSession = new UserSession
            {
                Id = Guid.CreateVersion7(now), AccountId = account.Id, SecurityStamp = account.SecurityStamp,
                StartedAt = now, LastSeenAt = now, ExpiresAt = now + options.Value.AbsoluteSessionLifetime,
                Address = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            };
            session.Store(account);
            session.Store(userSession);
            audit.Record(session, AuditKind.SignedIn, account, account.Email);
            await session.SaveChangesAsync(ct);
            return new Result(userSession, account, null);
        }

        private static Result Refuse(string reason) => new(null, null, reason);

        private static string LockedMessage(DateTimeOffset until) =>
            $"Zu viele Fehlversuche: Aus Sicherheitsgründen ist die Anmeldung für dieses Konto bis {CityTime.Local(until):HH:mm} Uhr gesperrt. " +
            "Auch das richtige Passwort wird bis dahin nicht angenommen.";

        private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), Secrets.New()));
    }

    // The claims a session's cookie carries; re-read from the account on every request.
    public static ClaimsPrincipal Principal(Account account, Guid sessionId, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.Name),
            new(ClaimTypes.Email, account.Email),
            new(SessionClaim, sessionId.ToString()),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        if (account.IsApproved) claims.Add(new Claim(ApprovedClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public const string SessionClaim = "dh:session";
    public const string ApprovedClaim = Policies.ApprovedClaim;
}
