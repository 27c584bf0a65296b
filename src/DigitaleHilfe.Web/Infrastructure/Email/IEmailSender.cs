namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public enum DeliveryStatus { Delivered, Transient, Permanent }

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
}
