using System.Security.Claims;
using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Which buttons a request page offers: asks the same Lifecycle rules with sample input, so a page
// never offers a step the server would refuse for state or role.
public static class AllowedSteps
{
    public static IReadOnlySet<string> For(HelpRequest r, ClaimsPrincipal user, DateTimeOffset now)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        var actor = new Actor(id, user.Identity?.Name ?? "", user.IsInRole(nameof(Role.Coordinator)), user.IsInRole(nameof(Role.Operator)),
            user.IsInRole(nameof(Role.Volunteer)));
        var someone = new VolunteerFacts(Guid.NewGuid(), "", true, false, 1, 0);
        var samples = new (string Name, RequestAction Action)[]
        {
            ("Release", new Release("x")), ("Schedule", new Schedule(now.AddDays(1), r.HelpMode, null)),
            ("CancelAppointment", new CancelAppointment(null)), ("Note", new AddNote("x")), ("Resolve", new Resolve(Outcome.Solved, 30, EvenBeforeAppointment: true)),
            ("Reopen", new Reopen()), ("Close", new Close()), ("Cancel", new Cancel("x")), ("Assign", new Assign(someone)),
        };
        return samples.Where(s => Lifecycle.Decide(r, s.Action, actor, now).Event is not null).Select(s => s.Name).ToHashSet();
    }

    // The step a request waits for, shown first and open on its page; the others are folded away.
    // A future appointment has none: reporting the outcome comes after it.
    public static string? Next(HelpRequest r, IReadOnlySet<string> steps, DateTimeOffset now) => r.Status switch
    {
        RequestStatus.Open when steps.Contains("Assign") => "Assign",
        RequestStatus.Claimed when steps.Contains("Schedule") => "Schedule",
        RequestStatus.Scheduled when r.Appointment is { } a && a.At <= now && steps.Contains("Resolve") => "Resolve",
        RequestStatus.Resolved when steps.Contains("Close") => "Close",
        _ => null,
    };
}
