using DigitaleHilfe.Web.Features.HelpRequests;
using Marten.Events.Projections;

namespace DigitaleHilfe.Web.Features.Matching;

// What matching weighs about a volunteer's recent work, kept per volunteer from the request events, so that
// suggestions, invitations and the board no longer read ninety days of events on every view.
public sealed record VolunteerActivity
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(90);

    public Guid Id { get; set; }
    public DateTimeOffset? LastRequestAt { get; init; }
    // Releases and missed appointments (no-show), only those of the last ninety days before the latest one.
    public IReadOnlyList<DateTimeOffset> Setbacks { get; init; } = [];

    // A loop, not Count(s => s > since): called for every volunteer of every match, and the closure and delegate it
    // allocated each time were 6 % of the app's allocations at 50 intakes a second (docs/performance.md, session 16).
    public int SetbacksSince(DateTimeOffset since)
    {
        var count = 0;
        foreach (var setback in Setbacks) if (setback > since) count++;
        return count;
    }

    public VolunteerActivity Took(DateTimeOffset at) => this with { LastRequestAt = LastRequestAt is { } last && last > at ? last : at };

    public VolunteerActivity SetBack(DateTimeOffset at) => this with { Setbacks = [.. Setbacks.Where(s => s > at - Recent), at] };
}

// Async, as Marten advises for views over many streams: two claims of one volunteer at the same moment cannot
// overwrite each other. Matching then trails the events by the daemon's lag, a second or two.
public sealed class VolunteerActivityProjection : MultiStreamProjection<VolunteerActivity, Guid>
{
    public VolunteerActivityProjection()
    {
        Identity<RequestClaimed>(e => e.VolunteerId);
        Identity<RequestAssigned>(e => e.VolunteerId);
        Identity<RequestReleased>(e => e.VolunteerId);
        Identities<RequestResolved>(e => e.Outcome == Outcome.NoShow && e.VolunteerId is { } volunteer ? [volunteer] : []);
    }

    public VolunteerActivity Apply(RequestClaimed e, VolunteerActivity a) => a.Took(e.ClaimedAt);
    public VolunteerActivity Apply(RequestAssigned e, VolunteerActivity a) => a.Took(e.AssignedAt);
    public VolunteerActivity Apply(RequestReleased e, VolunteerActivity a) => a.SetBack(e.ReleasedAt);
    public VolunteerActivity Apply(RequestResolved e, VolunteerActivity a) => a.SetBack(e.ResolvedAt);
}
