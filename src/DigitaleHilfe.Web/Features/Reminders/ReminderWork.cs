using DigitaleHilfe.Web.Infrastructure.Email;

namespace DigitaleHilfe.Web.Features.Reminders;

// One email of a reminder. RecipientKey names the person within the reminder ("volunteer",
// "caller", an account id) so that a retry mails only those who did not get it yet.
public sealed record ReminderMail(string RecipientKey, string RecipientLabel, EmailMessage Message);

// What a reminder does when it is due: emails to send, events to append to the request, documents to
// store (both in the same transaction as ReminderSent), and an event that depends on which mails went
// out (invitations: VolunteersInvited names only those reached).
public sealed record ReminderWork
{
    public IReadOnlyList<ReminderMail> Mails { get; init; } = [];
    public IReadOnlyList<object> Events { get; init; } = [];
    public IReadOnlyList<object> Documents { get; init; } = [];
    public Func<IReadOnlyList<ReminderMail>, object?>? AfterDelivery { get; init; }

    public static readonly ReminderWork Nothing = new();
}
