using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        using var client = await ConnectAsync(smtp, cancellationToken);
        await client.SendAsync(ToMime(message, smtp), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        var results = new DeliveryResult[messages.Count];
        if (messages.Count == 0) return results;
        var smtp = options.Value;
        SmtpClient? client = null;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (!TryBuild(messages[i], smtp, out var mime, out var invalid))
                {
                    results[i] = invalid;
                    continue;
                }
                try
                {
                    // One connection for the whole batch; opened lazily so a batch of bad addresses needs none.
                    client ??= await ConnectAsync(smtp, cancellationToken);
                    await client.SendAsync(mime, cancellationToken);
                    results[i] = DeliveryResult.Delivered;
                }
                catch (SmtpCommandException e)
                {
                    results[i] = Classify(e);
                    logger.LogWarning("Mail to {Recipient} refused: {Status} {Message}", messages[i].To, (int)e.StatusCode, e.Message);
                    // After a refused RCPT or DATA the connection is still usable; after anything else, start afresh.
                    if (!client!.IsConnected) { client.Dispose(); client = null; }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                                     or ServiceNotAuthenticatedException or TimeoutException or OperationCanceledException
                                     && !cancellationToken.IsCancellationRequested)
        {
            // The server is down or the connection dropped: everything not yet delivered is worth another try.
            logger.LogWarning(e, "The mail server could not be reached; {Count} mails wait for another try.", results.Count(r => r is null));
            for (var i = 0; i < results.Length; i++) results[i] ??= new DeliveryResult(DeliveryStatus.Transient, e.Message);
        }
        finally
        {
            if (client is not null)
            {
                try { if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None); }
                catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException) { }
                client.Dispose();
            }
        }
        return results;
    }

    // 5xx: the server will refuse the same mail again (unknown mailbox, rejected content). 4xx: try later.
    private static DeliveryResult Classify(SmtpCommandException e) =>
        new((int)e.StatusCode >= 500 ? DeliveryStatus.Permanent : DeliveryStatus.Transient, $"{(int)e.StatusCode} {e.Message}".Trim());

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

    private static bool TryBuild(EmailMessage message, SmtpOptions smtp, out MimeMessage mime, out DeliveryResult invalid)
    {
        invalid = DeliveryResult.Delivered;
        try
        {
            mime = ToMime(message, smtp);
            return true;
        }
        catch (ParseException)
        {
            mime = null!;
            invalid = new DeliveryResult(DeliveryStatus.Permanent, $"Die Adresse „{message.To}“ ist keine gültige E-Mail-Adresse.");
            return false;
        }
    }

    private static MimeMessage ToMime(EmailMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        if (!string.IsNullOrEmpty(smtp.ReplyTo)) mime.ReplyTo.Add(MailboxAddress.Parse(smtp.ReplyTo));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
