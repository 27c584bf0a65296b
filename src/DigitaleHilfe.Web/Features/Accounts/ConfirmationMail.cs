using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// Issues a confirmation token into the session; the caller saves, then sends, so a link is never
// mailed for a token that was not stored. A mail server that is down must not lose the registration:
// the failure is logged and the next sign-in attempt sends a fresh link.
public sealed class ConfirmationMail(
    IEmailSender email, PublicLinks links, IOptions<AccountOptions> options, TimeProvider clock, ILogger<ConfirmationMail> logger)
{
    public EmailMessage Prepare(IDocumentSession session, Account account)
    {
        var token = AccountTokens.Issue(session, account.Id, TokenPurpose.ConfirmEmail, clock.GetUtcNow(), options.Value.EmailConfirmationLifetime);
        return AccountEmails.ConfirmEmail(account, links.To($"Account/ConfirmEmail?token={token}"));
    }

    public async Task TrySendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await email.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Account email '{Subject}' could not be sent.", message.Subject);
        }
    }
}
