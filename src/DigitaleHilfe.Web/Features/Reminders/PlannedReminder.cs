namespace DigitaleHilfe.Web.Features.Reminders;

// What the planner derived from a request's events: one document per request and kind, holding
// the occurrence currently owed. Written only by the planner (in the same transaction as its
// progress through the event log), so a crash can delay a reminder but never lose it.
public sealed record PlannedReminder
{
    public string Id { get; init; } = "";
    public Guid RequestId { get; init; }
    public ReminderKind Kind { get; init; }
    public string Occurrence { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }

    public static string IdFor(Guid requestId, ReminderKind kind) => $"{requestId:N}/{kind}";

    public string DeliveryId => ReminderDelivery.IdFor(Id, Occurrence);
}

// How sending one occurrence of a planned reminder is going. Written by the dispatcher and the job,
// never by the planner, so the two never overwrite each other.
public sealed record ReminderDelivery
{
    public string Id { get; init; } = "";
    public string PlanId { get; init; } = "";
    public string Occurrence { get; init; } = "";
    // The job holding the current dispatch; a job with another key stands down.
    public Guid? DispatchKey { get; init; }
    public DateTimeOffset? DispatchedAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public bool Done { get; init; }
    public DateTimeOffset? DoneAt { get; init; }

    public static string IdFor(string planId, string occurrence) => $"{planId}@{occurrence}";

    // A job holds it and has not yet outlived its lease.
    public bool InFlight(DateTimeOffset now, TimeSpan lease) => !Done && DispatchKey is not null && DispatchedAt is { } at && now - at < lease;

    public bool CanDispatch(DateTimeOffset now, TimeSpan lease) => !Done && (NextAttemptAt is not { } next || next <= now) && !InFlight(now, lease);
}
