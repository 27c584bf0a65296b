using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

public enum AccountMail { ConfirmEmail, AlreadyRegistered, ResetPassword, Approved, Rejected, Invitation }

// Account emails leave from a job, never from the request: the answer to "register" or "forgot
// password" then takes the same time whether or not the address has an account (a slow mail server
// would otherwise tell), and a mail server that is down only delays the mail. The job gets the
// account's id (Guid.Empty when there is none, so both paths enqueue the same), issues the link's token
// itself and sends; Hangfire retries when the server is down.
public sealed class AccountMailJob(
    IDocumentSession session, IEmailSender email, PublicLinks links, IOptions<AccountOptions> options, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Konto-E-Mail ({1})")]
    public async Task RunAsync(Guid accountId, AccountMail kind)
    {
        if (accountId == Guid.Empty || await session.LoadAsync<Account>(accountId) is not { } account) return;
        // Only the rejection goes to a deactivated account: it is the reason for the deactivation.
        if (!account.Active && kind != AccountMail.Rejected) return;
        if (kind == AccountMail.ConfirmEmail && account.EmailConfirmed) return;
        var now = clock.GetUtcNow();
        var message = kind switch
        {
            AccountMail.ConfirmEmail => AccountEmails.ConfirmEmail(account, Link("ConfirmEmail",
                AccountTokens.Issue(session, account.Id, TokenPurpose.ConfirmEmail, now, options.Value.EmailConfirmationLifetime))),
            AccountMail.AlreadyRegistered => AccountEmails.AlreadyRegistered(account, Link("ResetPassword",
                AccountTokens.Issue(session, account.Id, TokenPurpose.ResetPassword, now, options.Value.PasswordResetLifetime))),
            AccountMail.Approved => AccountEmails.Approved(account, links.To("Board/Profile")),
            AccountMail.Rejected => AccountEmails.Rejected(account),
            AccountMail.Invitation => AccountEmails.Invitation(account, Link("ResetPassword",
                AccountTokens.Issue(session, account.Id, TokenPurpose.ResetPassword, now, options.Value.InvitationLifetime))),
            _ => AccountEmails.ResetPassword(account, Link("ResetPassword",
                AccountTokens.Issue(session, account.Id, TokenPurpose.ResetPassword, now, options.Value.PasswordResetLifetime))),
        };
        // Saved before sending: a link is never mailed for a token that was not stored.
        await session.SaveChangesAsync();
        await email.SendAsync(message);
    }

    private string Link(string page, string token) => links.To($"Account/{page}?token={token}");
}

public static class AccountMailJobs
{
    public static void Send(this IBackgroundJobClient jobs, Guid? accountId, AccountMail kind) =>
        jobs.Enqueue<AccountMailJob>(j => j.RunAsync(accountId ?? Guid.Empty, kind));
}
