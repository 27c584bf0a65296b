using System.Diagnostics;

namespace DigitaleHilfe.Web.Features.Coordination;

// A request whose data made background work (planning or sending its reminders) throw. The work skips
// it and goes on with every other request; coordinators and admins see it on "Hinweise", the log has
// the exception. When the request changes (someone corrects the appointment), the work tries again
// and, if it succeeds, marks the problem as solved. The description names the error and where it
// happened, never the data, so no senior's details end up here.
public sealed record BackgroundProblem
{
    public string Id { get; init; } = "";
    public string Work { get; init; } = "";
    public Guid RequestId { get; init; }
    public string? RequestNumber { get; init; }
    public string Error { get; init; } = "";
    public int Occurrences { get; init; }
    public DateTimeOffset FirstAt { get; init; }
    public DateTimeOffset LastAt { get; init; }
    public DateTimeOffset? SolvedAt { get; init; }

    public const string Planning = "Erinnerungen planen";
    public const string Sending = "Erinnerung verschicken";
    // RequestId is then the caller's id: their data could not be erased when the retention period ran out.
    public const string Retention = "Löschen nach Ablauf der Aufbewahrungsfrist";

    public static string IdFor(string work, Guid requestId) => $"{work switch { Planning => "plan", Retention => "retention", _ => "send" }}/{requestId:N}";

    public string Link => Work == Retention ? $"~/Callers/{RequestId}" : $"~/HelpRequests/{RequestId}";

    public static BackgroundProblem Occurred(BackgroundProblem? existing, string work, Guid requestId, string? number, Exception e, DateTimeOffset now) =>
        (existing is { SolvedAt: null } ? existing : new BackgroundProblem { Id = IdFor(work, requestId), Work = work, RequestId = requestId, FirstAt = now })
        with { RequestNumber = number, Error = Describe(e), Occurrences = (existing is { SolvedAt: null } ? existing.Occurrences : 0) + 1, LastAt = now, SolvedAt = null };

    // "ArgumentOutOfRangeException in ReminderSchedule.For": the type and our code's frame nearest to it.
    public static string Describe(Exception e)
    {
        var frame = new StackTrace(e).GetFrames().Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("DigitaleHilfe") == true);
        var where = frame is null ? "" : $" in {Outer(frame.DeclaringType!).Name}.{CleanName(frame)}";
        return $"{e.GetType().Name}{where}";
    }

    private static Type Outer(Type type) => type.IsNested && type.Name.StartsWith('<') ? Outer(type.DeclaringType!) : type;

    private static string CleanName(System.Reflection.MethodBase method) =>
        method.Name == "MoveNext" && method.DeclaringType!.Name.StartsWith('<') ? method.DeclaringType.Name[1..method.DeclaringType.Name.IndexOf('>')] : method.Name;
}
