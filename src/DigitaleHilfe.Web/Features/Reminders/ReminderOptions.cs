namespace DigitaleHilfe.Web.Features.Reminders;

// Every delay is a TimeSpan under "Reminders:" (appsettings or environment, e.g.
// Reminders__UnclaimedEscalationAfter=1.00:00:00). The defaults are documented in docs/operations.md.
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public ReminderOptions Copy() => (ReminderOptions)MemberwiseClone();

    // Appointment reminder to volunteer (and senior with an address) this long before the appointment.
    public TimeSpan AppointmentReminderBefore { get; set; } = TimeSpan.FromDays(1);
    // Still open this long after it came onto the board: the coordinators are told (X).
    public TimeSpan UnclaimedEscalationAfter { get; set; } = TimeSpan.FromHours(24);
    // Still open this long: the next best volunteers are invited too (Y).
    public TimeSpan UnclaimedWidenAfter { get; set; } = TimeSpan.FromHours(48);
    // Claimed without an appointment this long: the volunteer gets a friendly nudge (N).
    public TimeSpan StaleClaimNudgeAfter { get; set; } = TimeSpan.FromDays(5);
    // And this much longer after the nudge: the claim expires and the request goes back to the board (M).
    public TimeSpan ClaimExpiresAfterNudge { get; set; } = TimeSpan.FromDays(3);
    // An appointment this long in the past without an outcome: the volunteer is asked how it went.
    public TimeSpan MissingOutcomeAfter { get; set; } = TimeSpan.FromDays(2);
    // This long after the request was resolved, someone asks the senior whether all is well (K).
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(7);

    // Invitations and confirmations are news only while fresh: one this late is dropped (after a long
    // outage, or on the first start after the upgrade, for claims made long ago).
    public TimeSpan ImmediateStaleAfter { get; set; } = TimeSpan.FromDays(1);

    // How often due reminders are looked for (every app node looks; one at a time dispatches).
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromMinutes(1);
    // After the planner stored a reminder due at once, the round waits this long for more (a burst of intakes
    // then goes in one round and a few jobs instead of one each).
    public TimeSpan DispatchGather { get; set; } = TimeSpan.FromSeconds(1);
    // At most this many reminders are handed to Hangfire per round; the rest follow in the next.
    public int DispatchBatchSize { get; set; } = 200;
    // A round of at most this many reminders is sent by the dispatching node itself; a larger one goes to Hangfire's
    // workers in jobs of SendReminders.PerJob. 0: every round goes to Hangfire.
    public int SendHereUpTo { get; set; } = SendReminders.PerJob;
    // A dispatched reminder whose job has not reported back after this long is dispatched again
    // (the job may have been lost with a crashed server); the old job then stands down.
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromMinutes(15);
    // Waits between tries when the mail server is down or answers 4xx; after the last one the mail
    // counts as undeliverable and appears on the coordinators' page. Empty: the defaults below.
    // (Not initialised with them: configuration binding would append its list to a filled array.)
    public TimeSpan[] RetryDelays { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12)];

    // A mail that may have arrived (the server went silent after taking all of it) is tried again only
    // after this long, with the same Message-Id: a duplicate of a mail with a senior's phone number is
    // worse than a late one, and a late one is still better than none (docs/security.md).
    public TimeSpan AmbiguousRetryDelay { get; set; } = TimeSpan.FromHours(6);

    public IReadOnlyList<TimeSpan> Retries => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    // The coordinators' weekly digest: a cron expression in the city's time zone (Monday, 7:00).
    public string DigestCron { get; set; } = "0 7 * * 1";
    // Follow-up answer links in emails to seniors stay valid this long.
    public TimeSpan FollowUpLinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
