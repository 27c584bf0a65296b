using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.Web.Features.Matching;

// What matching needs to know about the request and about one volunteer.
public sealed record MatchRequest(string Topic, string District, string HelpMode, string? Language, IReadOnlyList<AvailabilitySlot> PreferredSlots)
{
    // Meeting in person: only volunteers with a valid certificate of conduct.
    public bool InPerson { get; init; }
}

public sealed record Candidate(
    Guid VolunteerId, string Name, VolunteerProfile Profile, bool Approved, bool Paused, int ActiveRequests,
    int DaysSinceLastRequest, bool HelpedCallerWell, bool BlockedByCaller, int RecentSetbacks)
{
    public bool MayMeetInPerson { get; init; } = true;
}

// Reasons read as "(Petra Helferin) kennt sich mit Online-Banking aus" for coordinators; Matches as
// "(passt zu Ihnen, weil) Sie sich mit Online-Banking auskennen" for the volunteer.
public sealed record Suggestion(Guid VolunteerId, string Name, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Matches);

// Pure: scores candidates for one request and explains each score in words a person can read.
public static class MatchScore
{
    public static IReadOnlyList<Suggestion> Rank(
        MatchRequest request, IEnumerable<Candidate> candidates, MatchingOptions options, int take = int.MaxValue, Func<string, string>? topicLabel = null) =>
        candidates.Select(c => Score(request, c, options, topicLabel)).OfType<Suggestion>()
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(take).ToList();

    // Null when a hard filter excludes the volunteer.
    public static Suggestion? Score(MatchRequest request, Candidate c, MatchingOptions o, Func<string, string>? topicLabel = null)
    {
        var p = c.Profile;
        if (!c.Approved || c.Paused || c.BlockedByCaller || c.ActiveRequests >= p.Capacity || !p.HelpModes.Contains(request.HelpMode)
            || (request.InPerson && !c.MayMeetInPerson))
            return null;

        var reasons = new List<string>();
        var matches = new List<string>();
        double score = 0;
        void Add(double weight, double value, string? reason, string? match)
        {
            score += weight * Math.Clamp(value, 0, 1);
            if (value <= 0) return;
            if (reason is not null) reasons.Add(reason);
            if (match is not null) matches.Add(match);
        }

        var topic = topicLabel?.Invoke(request.Topic) ?? request.Topic;
        Add(o.Topic, p.Topics.Contains(request.Topic) ? 1 : 0, $"kennt sich mit {topic} aus", $"Sie sich mit {topic} auskennen");
        var district = p.Districts.Contains(request.District) ? 1 : p.Districts.Any(d => AreNeighbours(o, d, request.District)) ? 0.5 : 0;
        Add(o.District, district, district == 1 ? "ist im selben Stadtteil unterwegs" : "hilft im Nachbarstadtteil",
            district == 1 ? "es in Ihrem Stadtteil ist" : "es im Nachbarstadtteil ist");
        if (request.Language is { } language && language != "de")
            Add(o.Language, p.Languages.Contains(language) ? 1 : 0, $"spricht die Sprache der Person ({Shared.Languages.Name(language)})", "Sie die Sprache der Person sprechen");
        var overlap = Overlap(request.PreferredSlots, p.Availability);
        Add(o.Availability, overlap, request.PreferredSlots.Count > 0 ? "hat zu den Wunschzeiten Zeit" : null,
            request.PreferredSlots.Count > 0 ? "Sie zu den Wunschzeiten Zeit haben" : null);
        Add(o.Workload, 1 - (double)c.ActiveRequests / p.Capacity, c.ActiveRequests == 0 ? "hat gerade Kapazität frei" : null, null);
        Add(o.Fairness, Math.Min(c.DaysSinceLastRequest, 30) / 30.0, c.DaysSinceLastRequest >= 14 ? "war länger nicht dran" : null, null);
        Add(o.Continuity, c.HelpedCallerWell ? 1 : 0, "hat der Person schon erfolgreich geholfen", "Sie der Person schon geholfen haben");
        Add(o.Reliability, 1 - Math.Min(c.RecentSetbacks, 3) / 3.0, null, null);
        if (c.RecentSetbacks > 0) reasons.Add("hat zuletzt Anfragen zurückgegeben oder Termine verpasst");

        return new Suggestion(c.VolunteerId, c.Name, Math.Round(score, 2), reasons, matches);
    }

    // "a, b und c"
    public static string JoinGerman(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Join("", parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} und {parts[^1]}";

    // The table lists each pair once; neighbourhood goes both ways.
    public static bool AreNeighbours(MatchingOptions o, string a, string b) =>
        (o.Neighbours.TryGetValue(a, out var fromA) && fromA.Contains(b)) || (o.Neighbours.TryGetValue(b, out var fromB) && fromB.Contains(a));

    // Share of the senior's wished slots that the volunteer covers; no wish or "any time" is a full match.
    public static double Overlap(IReadOnlyList<AvailabilitySlot> wished, IReadOnlyList<AvailabilitySlot> offered)
    {
        if (wished.Count == 0 || offered.Count == 0) return 1;
        return (double)wished.Count(w => offered.Any(o => o.Day == w.Day && o.From < w.To && w.From < o.To)) / wished.Count;
    }
}
