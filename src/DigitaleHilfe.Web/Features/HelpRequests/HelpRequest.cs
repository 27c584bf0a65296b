namespace DigitaleHilfe.Web.Features.HelpRequests;

// The statuses every later feature works with; stored and sent as their names.
public enum RequestStatus { Open, Claimed, Scheduled, Resolved, Closed, Cancelled }

// --- Events: past tense, carrying the stream id, who did it and when. Never rename a stored one. ---

// An operator took a call and logged what the senior needs. Name and phone move into a Caller
// document with the callers issue; until then they travel on this first event.
public sealed record HelpRequestLogged(
    Guid RequestId,
    string Number,
    string CallerName,
    string Phone,
    string Topic,
    string Description,
    string District,
    string HelpMode,
    string LoggedBy,
    DateTimeOffset LoggedAt);

// --- State: immutable, rebuilt from events; also stored inline as the list's read model. ---

public sealed record HelpRequest(
    Guid Id,
    string Number,
    RequestStatus Status,
    string CallerName,
    string Phone,
    string Topic,
    string Description,
    string District,
    string HelpMode,
    string LoggedBy,
    DateTimeOffset LoggedAt)
{
    public static HelpRequest Create(HelpRequestLogged e) =>
        new(e.RequestId, e.Number, RequestStatus.Open, e.CallerName, e.Phone, e.Topic, e.Description,
            e.District, e.HelpMode, e.LoggedBy, e.LoggedAt);
}
