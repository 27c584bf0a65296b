namespace DigitaleHilfe.Web.Features.Callbacks;

public enum CallbackOutcome { Reached, NotReached, MessageLeft }

public sealed record CallbackAttempt(DateTimeOffset At, CallbackOutcome Outcome, string By, string? Note);

// "Call this senior back": a to-do for the hotline, by hand now and from reminders later.
public sealed record CallbackTask
{
    public Guid Id { get; init; }
    public Guid CallerId { get; init; }
    public Guid? RequestId { get; init; }
    public string? RequestNumber { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public string Reason { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<CallbackAttempt> Attempts { get; init; } = [];
    public bool Done { get; init; }
    // Created by the follow-up reminder: the operator records the senior's answer with the call.
    public bool IsFollowUp { get; init; }

    // A call about a request to the request's caller.
    public static CallbackTask For(Guid callerId, HelpRequests.HelpRequest request, DateTimeOffset dueAt, string reason, string createdBy,
        DateTimeOffset now, bool isFollowUp = false) => new()
    {
        Id = Guid.CreateVersion7(now), CallerId = callerId, RequestId = request.Id, RequestNumber = request.Number, DueAt = dueAt,
        Reason = reason, CreatedBy = createdBy, CreatedAt = now, IsFollowUp = isFollowUp,
    };

    public bool IsOverdue(DateTimeOffset now) => !Done && DueAt < now;

    // Reached or a message left ends the task; not reached keeps it open for the new time.
    public CallbackTask Record(CallbackAttempt attempt, DateTimeOffset? nextDue) => this with
    {
        Attempts = [.. Attempts, attempt],
        Done = attempt.Outcome != CallbackOutcome.NotReached,
        DueAt = attempt.Outcome == CallbackOutcome.NotReached && nextDue is { } next ? next : DueAt,
    };

    public static string German(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Reached => "erreicht",
        CallbackOutcome.NotReached => "nicht erreicht",
        CallbackOutcome.MessageLeft => "Nachricht hinterlassen",
        _ => outcome.ToString(),
    };
}
