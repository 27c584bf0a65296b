namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
    // Names this mail across retries: the sender derives the Message-Id from it, so a receiving server
    // (or a mail client) can drop the second copy of a mail that was "maybe sent" the first time.
    public string? DedupeKey { get; init; }
}

// Ambiguous: the whole message went out after DATA, then the connection timed out or dropped before
// the server's "250". It may well have been delivered; a retry must wait (and keep its Message-Id).
public enum DeliveryStatus { Delivered, Transient, Permanent, Ambiguous }

// What became of one message: delivered, worth another try later (4xx, dropped connection, server
// down), or never deliverable as it is (5xx, malformed address).
public sealed record DeliveryResult(DeliveryStatus Status, string? Error = null)
{
    public static readonly DeliveryResult Delivered = new(DeliveryStatus.Delivered);
}

public interface IEmailSender
{
    // One message; throws when it was not delivered. For mails a person is waiting for right now.
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);

    // Several messages over one SMTP connection; never throws for a delivery failure, but says per
    // message what happened, so that a caller can retry only the transient ones.
    Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default);

    // Until disposed, the batches sent in this flow of work share one SMTP connection (a job sending the
    // reminders of a whole dispatch round), instead of one connection per batch.
    IAsyncDisposable HoldConnection();
}
