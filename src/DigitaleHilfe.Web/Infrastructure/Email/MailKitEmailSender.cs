using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, Tenancy.ITownDirectory towns, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    // The connection a HoldConnection() scope keeps open between batches; null outside such a scope.
    private sealed class Held : IAsyncDisposable
    {
        public SmtpClient? Client;

        // Not an async method: clearing the AsyncLocal must reach the caller's flow, which an async method's
        // own copy of the context would not.
        public ValueTask DisposeAsync()
        {
            Current.Value = null;
            var client = Client;
            Client = null;
            return new ValueTask(Close(client));
        }
    }

    private static readonly AsyncLocal<Held?> Current = new();

    // SMTP latency on /metrics: how long the mail server took for one message (MAIL FROM to the reply to DATA).
    private static readonly Meter Meter = new("DigitaleHilfe.Email");
    private static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>("digitalehilfe.smtp.send.duration", unit: "s",
        description: "Time the mail server took to accept or refuse one message", advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });

    private static async Task TimedSendAsync(SmtpClient client, MimeMessage mime, CancellationToken ct, ITransferProgress? progress = null)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await client.SendAsync(mime, ct, progress);
            outcome = "accepted";
        }
        catch (SmtpCommandException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            SendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public IAsyncDisposable HoldConnection()
    {
        var held = new Held();
        Current.Value = held;
        return held;
    }

    private static async Task Close(SmtpClient? client)
    {
        if (client is null) return;
        try { if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None); }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException) { }
        client.Dispose();
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        using var client = await ConnectAsync(smtp, cancellationToken);
        await TimedSendAsync(client, ToMime(message, Sender(smtp)), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default)
    {
        var results = new DeliveryResult[messages.Count];
        if (messages.Count == 0) return results;
        var smtp = options.Value;
        var held = Current.Value;
        // A held connection is reused while it is still up; anything wrong with it and the batch starts afresh.
        var client = held?.Client is { IsConnected: true } kept ? kept : null;
        if (held is not null) held.Client = null;
        var progress = new DataProgress();
        var current = -1;
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                current = i;
                progress.Reset();
                if (!TryBuild(messages[i], smtp, out var mime, out var invalid))
                {
                    results[i] = invalid;
                    continue;
                }
                try
                {
                    // One connection for the whole batch; opened lazily so a batch of bad addresses needs none.
                    client ??= await ConnectAsync(smtp, cancellationToken);
                    await TimedSendAsync(client, mime, cancellationToken, progress);
                    results[i] = DeliveryResult.Delivered;
                }
                catch (SmtpCommandException e)
                {
                    results[i] = Classify(e);
                    // The reply names the address; the log must not (it may be a senior's).
                    logger.LogWarning("Mail {Number} of {Count} refused: {Status}", i + 1, messages.Count, (int)e.StatusCode);
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
            // The one whose data had gone out completely may have arrived all the same.
            if (current >= 0 && results[current] is null && progress.Complete)
                results[current] = new DeliveryResult(DeliveryStatus.Ambiguous, $"Nach dem Senden keine Bestätigung des Mailservers ({e.GetType().Name}).");
            logger.LogWarning("The mail server could not be reached or did not answer ({Error}); {Count} mails wait for another try.",
                e.GetType().Name, results.Count(r => r is null || r.Status == DeliveryStatus.Ambiguous));
            for (var i = 0; i < results.Length; i++) results[i] ??= new DeliveryResult(DeliveryStatus.Transient, e.Message);
        }
        finally
        {
            if (held is not null && client is { IsConnected: true }) held.Client = client;
            else await Close(client);
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
            await client.ConnectAsync(await OpenSocketAsync(smtp, cancellationToken), smtp.Host, smtp.Port, smtp.Security, cancellationToken);
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

    // Our own socket, without Nagle's algorithm: MailKit writes a mail's last bytes in a small segment of their
    // own, which then waited for the server's delayed acknowledgement, 40 ms on Linux, every mail
    // (docs/performance.md: 44 ms of every mail's 45 before).
    private static async Task<Socket> OpenSocketAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(smtp.Host, smtp.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Der Mailserver {smtp.Host}:{smtp.Port} hat sich nicht gemeldet.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool TryBuild(EmailMessage message, SmtpOptions smtp, out MimeMessage mime, out DeliveryResult invalid)
    {
        invalid = DeliveryResult.Delivered;
        try
        {
            mime = ToMime(message, Sender(smtp));
            return true;
        }
        catch (ParseException)
        {
            mime = null!;
            invalid = new DeliveryResult(DeliveryStatus.Permanent, $"Die Adresse „{message.To}“ ist keine gültige E-Mail-Adresse.");
            return false;
        }
    }

    // The same key always gives the same Message-Id (on the sender's domain).
    public static string StableMessageId(string key, string from)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];
        var domain = from.Contains('@') ? from[(from.LastIndexOf('@') + 1)..] : "digitalehilfe.invalid";
        return $"{hash}@{domain}";
    }

    // Whether the message's data was handed over completely: after that, silence is "maybe sent".
    private sealed class DataProgress : ITransferProgress
    {
        private long _sent, _total = -1;
        public bool Complete => _total > 0 ? _sent >= _total : _sent > 0;
        public void Reset() => (_sent, _total) = (0, -1);
        public void Report(long bytesTransferred, long totalSize) => (_sent, _total) = (bytesTransferred, totalSize);
        public void Report(long bytesTransferred) => _sent = bytesTransferred;
    }

    // Mail goes out in the name of the town it is sent for (the town of the job or request sending it); the server,
    // its account and the reply-to stay the installation's unless the town names its own address.
    private SmtpOptions Sender(SmtpOptions smtp)
    {
        if (Tenancy.TownContext.Id is not { } id || towns.Towns.FirstOrDefault(t => t.Id == id) is not { SenderAddress: { } address } town) return smtp;
        return new SmtpOptions
        {
            Host = smtp.Host, Port = smtp.Port, User = smtp.User, Password = smtp.Password, Security = smtp.Security, Timeout = smtp.Timeout,
            From = address, FromName = town.SenderName ?? smtp.FromName, ReplyTo = address,
        };
    }

    private static MimeMessage ToMime(EmailMessage message, SmtpOptions smtp)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        if (message.DedupeKey is { } key) mime.MessageId = StableMessageId(key, smtp.From);
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        if (!string.IsNullOrEmpty(smtp.ReplyTo)) mime.ReplyTo.Add(MailboxAddress.Parse(smtp.ReplyTo));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
