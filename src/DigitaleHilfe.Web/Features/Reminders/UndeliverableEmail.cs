using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure.Email;

namespace DigitaleHilfe.Web.Features.Reminders;

// A reminder email the mail server refused for good (5xx, bad address) or that still could not be
// sent after every retry. Coordinators see these on "Nicht zugestellte E-Mails" and fix the address.
public sealed partial record UndeliverableEmail
{
    // A mail server's reply quotes the address ("550 5.1.1 <name@example.org>: Recipient address
    // rejected"); the stored reason, the job's error and the log keep only what went wrong.
    public static string Redact(string reason) => AddressPattern().Replace(reason, "[Adresse]");

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+")]
    private static partial System.Text.RegularExpressions.Regex AddressPattern();

    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string Kind { get; init; } = "";
    public Guid? RequestId { get; init; }
    public string? RequestNumber { get; init; }
    public string Recipient { get; init; } = "";       // who, as coordinators know them ("Helferin Anna Beispiel")
    public string Address { get; init; } = "";
    // A senior's address is shown to coordinators only (admins do not see seniors' data).
    public bool IsCaller { get; init; }
    public string Subject { get; init; } = "";
    public string Reason { get; init; } = "";
    public int Attempts { get; init; }
    public DateTimeOffset? DismissedAt { get; init; }
    public string? DismissedBy { get; init; }

    public static UndeliverableEmail Of(
        EmailMessage message, string kind, string recipient, string reason, DateTimeOffset now, HelpRequest? request = null, int attempts = 1,
        bool isCaller = false) => new()
    {
        Id = Guid.CreateVersion7(now), At = now, Kind = kind, RequestId = request?.Id, RequestNumber = request?.Number,
        Recipient = recipient, Address = message.To, Subject = message.Subject, Reason = Redact(reason), Attempts = attempts, IsCaller = isCaller,
    };
}

public sealed class UndeliverableEmailException(string message) : Exception(message);
