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
public sealed record HelpRequestOpened(
    Guid RequestId, string Number, Guid CallerId, string Topic, string Description, string District,
    string HelpMode, string? PreferredTimes, bool Urgent, string LoggedBy, DateTimeOffset LoggedAt);

// The senior agreed that their data is stored and their phone number passed to the volunteer who
// takes the request; TextVersion names the exact wording the operator read out.
public sealed record ConsentRecorded(Guid RequestId, Guid CallerId, string TextVersion, string RecordedBy, DateTimeOffset RecordedAt);

// Information from a later call, added to the request rather than opening a second one.
public sealed record RequestDetailsAdded(Guid RequestId, string Text, string AddedBy, DateTimeOffset AddedAt);

// Two caller entries turned out to be one person; the request now belongs to the one kept.
public sealed record RequestMovedToCaller(Guid RequestId, Guid FromCallerId, Guid ToCallerId, string MovedBy, DateTimeOffset MovedAt);

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
    public bool Urgent { get; init; }
    public string? ConsentVersion { get; init; }
    public IReadOnlyList<string> AddedDetails { get; init; } = [];

    public bool IsActive => Status is RequestStatus.Open or RequestStatus.Claimed or RequestStatus.Scheduled;

    public static HelpRequest Create(HelpRequestLogged e) =>
        new(e.RequestId, e.Number, RequestStatus.Open, e.CallerName, e.Phone, e.Topic, e.Description,
            e.District, e.HelpMode, e.LoggedBy, e.LoggedAt);

    public static HelpRequest Create(HelpRequestOpened e) =>
        new(e.RequestId, e.Number, RequestStatus.Open, "", "", e.Topic, e.Description, e.District, e.HelpMode, e.LoggedBy, e.LoggedAt)
        {
            CallerId = e.CallerId, PreferredTimes = e.PreferredTimes, Urgent = e.Urgent,
        };

    public HelpRequest Apply(ConsentRecorded e) => this with { ConsentVersion = e.TextVersion };

    public HelpRequest Apply(RequestDetailsAdded e) => this with { AddedDetails = [.. AddedDetails, e.Text] };

    public HelpRequest Apply(RequestMovedToCaller e) => this with { CallerId = e.ToCallerId };
}
