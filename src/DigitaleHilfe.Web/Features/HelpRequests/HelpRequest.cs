using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Reminders;
namespace DigitaleHilfe.Web.Features.HelpRequests;

// The statuses every later feature works with; stored and sent as their names.
public enum RequestStatus { Open, Claimed, Scheduled, Resolved, Closed, Cancelled }

// --- Events: past tense, carrying the stream id, who did it and when. Never rename a stored one. ---

// The first slice's opening event, which still carried the caller's name and phone. Kept so that
// streams written then stay readable; new requests start with HelpRequestOpened.
public sealed record HelpRequestLogged(
    Guid RequestId, string Number, string CallerName, string Phone, string Topic, string Description,
    string District, string HelpMode, string LoggedBy, DateTimeOffset LoggedAt);

// An operator took a call and logged what the senior needs. Personal data stays in the Caller document.
// Channel: how it came in (RequestChannels); null in events from before it was recorded = the hotline form.
public sealed record HelpRequestOpened(
    Guid RequestId, string Number, Guid CallerId, string Topic, string Description, string District,
    string HelpMode, string? PreferredTimes, bool Urgent, string LoggedBy, DateTimeOffset LoggedAt, string? Summary = null, string? Channel = null);

public static class RequestChannels
{
    public const string Hotline = "Hotline", Api = "Api";

    public static string German(string channel) => channel switch
    {
        Hotline => "Hotline-Formular",
        Api => "Telefonanlage / API",
        _ => channel,
    };
}

// The senior agreed that their data is stored and their phone number passed to the volunteer who
// takes the request; TextVersion names the exact wording the operator read out.
public sealed record ConsentRecorded(Guid RequestId, Guid CallerId, string TextVersion, string RecordedBy, DateTimeOffset RecordedAt);

// Information from a later call, added to the request rather than opening a second one.
public sealed record RequestDetailsAdded(Guid RequestId, string Text, string AddedBy, DateTimeOffset AddedAt);

// Two caller entries turned out to be one person; the request now belongs to the one kept.
public sealed record RequestMovedToCaller(Guid RequestId, Guid FromCallerId, Guid ToCallerId, string MovedBy, DateTimeOffset MovedAt);

public enum Outcome { Solved, PartlySolved, NotSolvable, CallerUnreachable, NoShow }

public sealed record Appointment(DateTimeOffset At, string Mode, string? Place);

// An appointment that was called off (cancelled, or dropped with a release, reassignment or the
// request's cancellation): whoever got it for their calendar gets the cancellation.
public sealed record DroppedAppointment(Appointment Appointment, Guid? VolunteerId, DateTimeOffset At);

// The last claim that ran out without an appointment; its volunteer and the coordinators are told.
public sealed record ClaimExpiry(Guid VolunteerId, string VolunteerName, DateTimeOffset At);

// A volunteer took the request; from now on they may see the senior's contact details.
public sealed record RequestClaimed(Guid RequestId, Guid VolunteerId, string VolunteerName, DateTimeOffset ClaimedAt);

// A coordinator gave the request to a named volunteer (also a reassignment).
public sealed record RequestAssigned(Guid RequestId, Guid VolunteerId, string VolunteerName, string AssignedBy, DateTimeOffset AssignedAt);

// Expired: nobody released it; the claim ran out without an appointment (see Reminders).
public sealed record RequestReleased(Guid RequestId, Guid VolunteerId, string Reason, string ReleasedBy, DateTimeOffset ReleasedAt, bool Expired = false);

public sealed record AppointmentScheduled(Guid RequestId, DateTimeOffset At, string Mode, string? Place, string ScheduledBy, DateTimeOffset ScheduledAt);

public sealed record AppointmentCancelled(Guid RequestId, string? Reason, string CancelledBy, DateTimeOffset CancelledAt);

public sealed record NoteAdded(Guid RequestId, string Text, string AddedBy, DateTimeOffset AddedAt);

// Remark: what the volunteer adds in their own words (optional; free text that may concern the senior).
public sealed record RequestResolved(Guid RequestId, Outcome Outcome, int MinutesSpent, Guid? VolunteerId, string ResolvedBy, DateTimeOffset ResolvedAt,
    string? Remark = null);

public sealed record RequestReopened(Guid RequestId, string ReopenedBy, DateTimeOffset ReopenedAt);

public sealed record RequestClosed(Guid RequestId, string ClosedBy, DateTimeOffset ClosedAt);

// The senior withdrew (or the request is void); it leaves the board for good.
public sealed record RequestCancelled(Guid RequestId, string Reason, string CancelledBy, DateTimeOffset CancelledAt);

// --- State: immutable, rebuilt from events; also stored inline as the list's read model. ---

public sealed record HelpRequest(
    Guid Id,
    string Number,
    RequestStatus Status,
    string CallerName,          // only for streams opened by HelpRequestLogged
    string Phone,               // only for streams opened by HelpRequestLogged
    string Topic,
    string Description,
    string District,
    string HelpMode,
    string LoggedBy,
    DateTimeOffset LoggedAt)
{
    public Guid? CallerId { get; init; }
    public string? PreferredTimes { get; init; }
    // One line for volunteers (board, invitation email), written by the operator without personal data.
    public string? Summary { get; init; }
    public bool Urgent { get; init; }
    public string? ConsentVersion { get; init; }
    public IReadOnlyList<string> AddedDetails { get; init; } = [];
    public Guid? VolunteerId { get; init; }
    public string? VolunteerName { get; init; }
    public Appointment? Appointment { get; init; }
    public Outcome? Outcome { get; init; }
    public int MinutesSpent { get; init; }
    public string? OutcomeRemark { get; init; }
    public IReadOnlyList<Guid> InvitedVolunteers { get; init; } = [];
    // When each of them was invited, and the latest of those times (a column with an index): what a volunteer's "one
    // invitation a day" counts (InviteVolunteers). Snapshots from before these were kept have neither.
    public IReadOnlyDictionary<Guid, DateTimeOffset> InvitedAt { get; init; } = new Dictionary<Guid, DateTimeOffset>();
    public DateTimeOffset? LastInvitedAt { get; init; }
    // When the current status began: the clock every reminder counts from.
    public DateTimeOffset StatusSince { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public ClaimExpiry? LastExpiry { get; init; }
    public DroppedAppointment? LastDroppedAppointment { get; init; }

    private DroppedAppointment? Dropping(DateTimeOffset at) =>
        Appointment is { } a ? new DroppedAppointment(a, VolunteerId, at) : LastDroppedAppointment;
    // Reminder keys ("kind:occurrence" and "kind:occurrence/recipient") whose work is done.
    public IReadOnlyList<string> HandledReminders { get; init; } = [];
    public bool? FollowUpAllGood { get; init; }
    // The senior's data on this request was erased (Features/Privacy); the text fields read "[anonymisiert]".
    public DateTimeOffset? AnonymisedAt { get; init; }

    public bool Handled(string key) => HandledReminders.Contains(key);

    public bool IsActive => Status is RequestStatus.Open or RequestStatus.Claimed or RequestStatus.Scheduled;

    public static HelpRequest Create(HelpRequestLogged e) =>
        new(e.RequestId, e.Number, RequestStatus.Open, e.CallerName, e.Phone, e.Topic, e.Description,
            e.District, e.HelpMode, e.LoggedBy, e.LoggedAt) { StatusSince = e.LoggedAt };

    public static HelpRequest Create(HelpRequestOpened e) =>
        new(e.RequestId, e.Number, RequestStatus.Open, "", "", e.Topic, e.Description, e.District, e.HelpMode, e.LoggedBy, e.LoggedAt)
        {
            CallerId = e.CallerId, PreferredTimes = e.PreferredTimes, Urgent = e.Urgent, StatusSince = e.LoggedAt, Summary = e.Summary,
        };

    public HelpRequest Apply(ConsentRecorded e) => this with { ConsentVersion = e.TextVersion };

    public HelpRequest Apply(RequestDetailsAdded e) => this with { AddedDetails = [.. AddedDetails, e.Text] };

    public HelpRequest Apply(RequestMovedToCaller e) => this with { CallerId = e.ToCallerId };

    public HelpRequest Apply(RequestClaimed e) =>
        this with { Status = RequestStatus.Claimed, VolunteerId = e.VolunteerId, VolunteerName = e.VolunteerName, StatusSince = e.ClaimedAt, ClaimedAt = e.ClaimedAt };

    public HelpRequest Apply(RequestAssigned e) =>
        this with { Status = RequestStatus.Claimed, VolunteerId = e.VolunteerId, VolunteerName = e.VolunteerName, Appointment = null, StatusSince = e.AssignedAt, ClaimedAt = e.AssignedAt,
            LastDroppedAppointment = Dropping(e.AssignedAt) };

    public HelpRequest Apply(RequestReleased e) => this with
    {
        Status = RequestStatus.Open, VolunteerId = null, VolunteerName = null, Appointment = null, StatusSince = e.ReleasedAt, ClaimedAt = null,
        LastDroppedAppointment = Dropping(e.ReleasedAt),
        LastExpiry = e.Expired ? new ClaimExpiry(e.VolunteerId, VolunteerName ?? "", e.ReleasedAt) : LastExpiry,
    };

    public HelpRequest Apply(AppointmentScheduled e) =>
        this with { Status = RequestStatus.Scheduled, Appointment = new Appointment(e.At, e.Mode, e.Place), StatusSince = e.ScheduledAt };

    public HelpRequest Apply(AppointmentCancelled e) =>
        this with { Status = RequestStatus.Claimed, Appointment = null, StatusSince = e.CancelledAt, LastDroppedAppointment = Dropping(e.CancelledAt) };

    public HelpRequest Apply(RequestResolved e) => this with
    {
        Status = RequestStatus.Resolved, Outcome = e.Outcome, MinutesSpent = MinutesSpent + e.MinutesSpent, StatusSince = e.ResolvedAt, ResolvedAt = e.ResolvedAt,
        OutcomeRemark = e.Remark,
        FollowUpAllGood = null,
    };

    public HelpRequest Apply(RequestReopened e) =>
        this with { Status = VolunteerId is null ? RequestStatus.Open : RequestStatus.Claimed, Outcome = null, Appointment = null, StatusSince = e.ReopenedAt };

    public HelpRequest Apply(VolunteersInvited e) => this with
    {
        InvitedVolunteers = [.. InvitedVolunteers, .. e.VolunteerIds],
        InvitedAt = InvitedAt.Concat(e.VolunteerIds.Select(v => KeyValuePair.Create(v, e.InvitedAt))).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        LastInvitedAt = e.InvitedAt,
    };

    public HelpRequest Apply(RequestClosed e) => this with { Status = RequestStatus.Closed, StatusSince = e.ClosedAt };

    public HelpRequest Apply(RequestCancelled e) =>
        this with { Status = RequestStatus.Cancelled, Appointment = null, StatusSince = e.CancelledAt, LastDroppedAppointment = Dropping(e.CancelledAt) };

    public HelpRequest Apply(ReminderSent e) => this with
    {
        HandledReminders = [.. HandledReminders, .. e.Delivered, .. e.Undeliverable, .. e.Complete ? [$"{e.Kind}:{e.Occurrence}"] : Array.Empty<string>()],
    };

    public HelpRequest Apply(FollowUpAnswered e) => this with { FollowUpAllGood = e.AllGood };

    public HelpRequest Apply(Privacy.RequestAnonymised e) => this with { AnonymisedAt = e.At };

    // When the request stopped needing anyone: the clock the retention period counts from.
    public DateTimeOffset? EndedAt => Status switch
    {
        RequestStatus.Resolved => ResolvedAt ?? StatusSince,
        RequestStatus.Closed => ResolvedAt ?? StatusSince,
        RequestStatus.Cancelled => StatusSince,
        _ => null,
    };
}
