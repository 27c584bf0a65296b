namespace DigitaleHilfe.Web.Features.Reminders;

// Events of the reminders on a request's stream. Stored as "reminder_sent" and "follow_up_answered"
// (Marten's aliases of the type names, registered in RemindersSetup); they moved here from
// HelpRequests/HelpRequest.cs, which the aliases do not notice (EventNamesTests).

// A reminder's work is done for these recipients: mailed (Delivered), given up on (Undeliverable,
// listed on the coordinators' page), or an action taken. Complete: nothing of this reminder is left
// to do. Recipient keys name a role or account, never an address. The dedupe guard for jobs that run twice.
public sealed record ReminderSent(
    Guid RequestId, string Kind, string Occurrence, IReadOnlyList<string> Delivered, IReadOnlyList<string> Undeliverable,
    bool Complete, DateTimeOffset SentAt);

// The senior's answer to "Hat alles geklappt?", by phone to an operator or by the link in an email.
public sealed record FollowUpAnswered(Guid RequestId, bool AllGood, string? Comment, string Channel, string RecordedBy, DateTimeOffset AnsweredAt);
