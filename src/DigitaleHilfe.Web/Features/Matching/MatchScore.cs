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
        MatchRequest request, IEnumerable<Candidate> candidates, MatchingOptions options, int take = int.MaxValue, Func<string, string>? topicLabel = null)
    {
        if (take <= 0) return [];
        if (take > 50) return Ranked(request, candidates, options, topicLabel).Take(take).ToList();
        // The few best in one pass, without sorting 10,000 volunteers: each goes in after those that rank above it or
        // tie with it (as the stable order of Ranked does), and the list never grows beyond what is asked for.
        var best = new List<Scored>(take + 1);
        foreach (var c in candidates)
        {
            if (Measure(request, c, options) is not { } f) continue;
            var score = f.Score(options);
            var at = best.Count;
            while (at > 0 && Before(score, c.Name, best[at - 1])) at--;
            if (at >= take) continue;
            best.Insert(at, new Scored(c, f, score));
            if (best.Count > take) best.RemoveAt(take);
        }
        return best.Select(s => Explain(request, s.Candidate, s.Factors, options, topicLabel)).ToList();
    }

    private static bool Before(double score, string name, Scored other) =>
        score > other.Score || (score == other.Score && string.CompareOrdinal(name, other.Candidate.Name) < 0);

    // Best first, each explained only when it is read (the invitations read on until they have enough): the words
    // for 10,000 volunteers cost more than their scores and their order together.
    public static IEnumerable<Suggestion> Ranked(
        MatchRequest request, IEnumerable<Candidate> candidates, MatchingOptions options, Func<string, string>? topicLabel = null) =>
        Order(request, candidates, options).Select(s => Explain(request, s.Candidate, s.Factors, options, topicLabel));

    // Null when a hard filter excludes the volunteer.
    public static Suggestion? Score(MatchRequest request, Candidate c, MatchingOptions o, Func<string, string>? topicLabel = null) =>
        Measure(request, c, o) is { } factors ? Explain(request, c, factors, o, topicLabel) : null;

    private sealed record Scored(Candidate Candidate, Factors Factors, double Score);

    private static IOrderedEnumerable<Scored> Order(MatchRequest request, IEnumerable<Candidate> candidates, MatchingOptions o) =>
        candidates.Select(c => Measure(request, c, o) is { } f ? new Scored(c, f, f.Score(o)) : null).OfType<Scored>()
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Name, StringComparer.Ordinal);

    // How well one volunteer fits, factor by factor, each from 0 to 1; Language is null when the request needs none.
    private readonly record struct Factors(
        double Topic, double District, double? Language, double Availability, double Workload, double Fairness, double Continuity, double Reliability)
    {
        public double Score(MatchingOptions o)
        {
            double score = 0;
            void Add(double weight, double value) => score += weight * Math.Clamp(value, 0, 1);
            Add(o.Topic, Topic);
            Add(o.District, District);
            if (Language is { } language) Add(o.Language, language);
            Add(o.Availability, Availability);
            Add(o.Workload, Workload);
            Add(o.Fairness, Fairness);
            Add(o.Continuity, Continuity);
            Add(o.Reliability, Reliability);
            return Math.Round(score, 2);
        }
    }

    private static Factors? Measure(MatchRequest request, Candidate c, MatchingOptions o)
    {
        var p = c.Profile;
        if (!c.Approved || c.Paused || c.BlockedByCaller || c.ActiveRequests >= p.Capacity || !p.HelpModes.Contains(request.HelpMode)
            || (request.InPerson && !c.MayMeetInPerson))
            return null;
        return new Factors(
            Topic: p.Topics.Contains(request.Topic) ? 1 : 0,
            District: p.Districts.Contains(request.District) ? 1 : IsNeighbour(o, p.Districts, request.District) ? 0.5 : 0,
            Language: request.Language is { } language && language != "de" ? p.Languages.Contains(language) ? 1 : 0 : null,
            Availability: Overlap(request.PreferredSlots, p.Availability),
            Workload: 1 - (double)c.ActiveRequests / p.Capacity,
            Fairness: Math.Min(c.DaysSinceLastRequest, 30) / 30.0,
            Continuity: c.HelpedCallerWell ? 1 : 0,
            Reliability: 1 - Math.Min(c.RecentSetbacks, 3) / 3.0);
    }

    private static Suggestion Explain(MatchRequest request, Candidate c, Factors f, MatchingOptions o, Func<string, string>? topicLabel)
    {
        var reasons = new List<string>();
        var matches = new List<string>();
        void Add(double value, string? reason, string? match)
        {
            if (value <= 0) return;
            if (reason is not null) reasons.Add(reason);
            if (match is not null) matches.Add(match);
        }

        var topic = topicLabel?.Invoke(request.Topic) ?? request.Topic;
        Add(f.Topic, $"kennt sich mit {topic} aus", $"Sie sich mit {topic} auskennen");
        Add(f.District, f.District == 1 ? "ist im selben Stadtteil unterwegs" : "hilft im Nachbarstadtteil",
            f.District == 1 ? "es in Ihrem Stadtteil ist" : "es im Nachbarstadtteil ist");
        if (f.Language is { } language)
            Add(language, $"spricht die Sprache der Person ({Shared.Languages.Name(request.Language!)})", "Sie die Sprache der Person sprechen");
        Add(f.Availability, request.PreferredSlots.Count > 0 ? "hat zu den Wunschzeiten Zeit" : null,
            request.PreferredSlots.Count > 0 ? "Sie zu den Wunschzeiten Zeit haben" : null);
        Add(f.Workload, c.ActiveRequests == 0 ? "hat gerade Kapazität frei" : null, null);
        Add(f.Fairness, c.DaysSinceLastRequest >= 14 ? "war länger nicht dran" : null, null);
        Add(f.Continuity, "hat der Person schon erfolgreich geholfen", "Sie der Person schon geholfen haben");
        if (c.RecentSetbacks > 0) reasons.Add("hat zuletzt Anfragen zurückgegeben oder Termine verpasst");

        return new Suggestion(c.VolunteerId, c.Name, f.Score(o), reasons, matches);
    }

    // "a, b und c"
    public static string JoinGerman(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Join("", parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} und {parts[^1]}";

    // The table lists each pair once; neighbourhood goes both ways.
    public static bool AreNeighbours(MatchingOptions o, string a, string b) =>
        (o.Neighbours.TryGetValue(a, out var fromA) && fromA.Contains(b)) || (o.Neighbours.TryGetValue(b, out var fromB) && fromB.Contains(a));

    // Loops, not lambdas: run for every volunteer of a town on every suggestion, closures were most of what it allocated.
    private static bool IsNeighbour(MatchingOptions o, IReadOnlyList<string> districts, string district)
    {
        for (var i = 0; i < districts.Count; i++)
            if (AreNeighbours(o, districts[i], district)) return true;
        return false;
    }

    // Share of the senior's wished slots that the volunteer covers; no wish or "any time" is a full match.
    public static double Overlap(IReadOnlyList<AvailabilitySlot> wished, IReadOnlyList<AvailabilitySlot> offered)
    {
        if (wished.Count == 0 || offered.Count == 0) return 1;
        var covered = 0;
        for (var i = 0; i < wished.Count; i++)
            for (var j = 0; j < offered.Count; j++)
                if (offered[j] is var o && wished[i] is var w && o.Day == w.Day && o.From < w.To && w.From < o.To)
                {
                    covered++;
                    break;
                }
        return (double)covered / wished.Count;
    }
}
