using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed class MailKitEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        using var client = await ConnectAsync(smtp, cancellationToken);
        await client.SendAsync(ToMime(message, smtp), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static MimeMessage ToMime(EmailMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        if (!string.IsNullOrEmpty(smtp.ReplyTo)) mime.ReplyTo.Add(MailboxAddress.Parse(smtp.ReplyTo));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
