using MailKit.Security;

namespace DigitaleHilfe.Web.Infrastructure.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    public string From { get; set; } = "digitale-hilfe@localhost";
    public string FromName { get; set; } = "Digitale Hilfe";
    public string? ReplyTo { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    // Auto: STARTTLS when the server offers it, implicit TLS on port 465, plain otherwise.
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
