using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.UnitTests.Matching;

// Properties over thousands of random volunteers and requests (fixed seed, so a failure repeats).
public sealed class MatchScorePropertyTests
{
    private static readonly string[] Topics = ["smartphone", "tablet", "online-banking", "email"];
    private static readonly string[] Districts = ["erfenbach", "siegelbach", "morlautern", "dansenberg"];
    private static readonly string[] Modes = ["hausbesuch", "telefon", "video"];
    private static readonly MatchingOptions Options = new() { Neighbours = new() { ["erfenbach"] = ["siegelbach"] } };

    private static T[] Some<T>(Random rng, T[] all) => all.Where(_ => rng.Next(2) == 0).ToArray();

    private static (MatchRequest, Candidate) Random(Random rng)
    {
        var request = new MatchRequest(Topics[rng.Next(Topics.Length)], Districts[rng.Next(Districts.Length)], Modes[rng.Next(Modes.Length)],
            rng.Next(3) == 0 ? "tr" : null, rng.Next(2) == 0 ? PreferredTimes.Parse("vormittags") : []);
        var capacity = rng.Next(1, 5);
        var profile = new VolunteerProfile(Guid.NewGuid())
        {
            Topics = Some(rng, Topics), Districts = Some(rng, Districts), HelpModes = Some(rng, Modes), Languages = rng.Next(2) == 0 ? ["de", "tr"] : ["de"],
            Capacity = capacity, Availability = rng.Next(2) == 0 ? PreferredTimes.Parse("Mo Di nachmittags") : [],
        };
        return (request, new Candidate(Guid.NewGuid(), "X", profile, rng.Next(10) > 0, rng.Next(10) == 0, rng.Next(0, capacity + 1),
            rng.Next(0, 60), rng.Next(4) == 0, rng.Next(20) == 0, rng.Next(0, 5)));
    }

    // One factor made better, everything else equal.
    private static IEnumerable<(string Factor, Candidate Better)> Improvements(MatchRequest r, Candidate c)
    {
        var p = c.Profile;
        yield return ("topic", c with { Profile = p with { Topics = [.. p.Topics, r.Topic] } });
        yield return ("district", c with { Profile = p with { Districts = [.. p.Districts, r.District] } });
        yield return ("neighbour district", c with { Profile = p with { Districts = [.. p.Districts, "siegelbach"] } });
        if (r.Language is { } l) yield return ("language", c with { Profile = p with { Languages = [.. p.Languages, l] } });
        yield return ("availability", c with { Profile = p with { Availability = [] } });
        if (c.ActiveRequests > 0) yield return ("workload", c with { ActiveRequests = c.ActiveRequests - 1 });
        yield return ("fairness", c with { DaysSinceLastRequest = c.DaysSinceLastRequest + 7 });
        yield return ("continuity", c with { HelpedCallerWell = true });
        if (c.RecentSetbacks > 0) yield return ("reliability", c with { RecentSetbacks = c.RecentSetbacks - 1 });
    }

    [Fact]
    public void Improving_any_single_factor_never_lowers_a_score()
    {
        var rng = new Random(20261126);
        for (var i = 0; i < 5000; i++)
        {
            var (request, candidate) = Random(rng);
            if (MatchScore.Score(request, candidate, Options) is not { } before) continue;
            foreach (var (factor, better) in Improvements(request, candidate))
            {
                var after = MatchScore.Score(request, better, Options).ShouldNotBeNull($"improving {factor} must not exclude");
                after.Score.ShouldBeGreaterThanOrEqualTo(before.Score, $"improving {factor} lowered the score (case {i})");
            }
        }
    }

    [Fact]
    public void Hard_filters_always_exclude_whatever_else_is_true()
    {
        var rng = new Random(4711);
        for (var i = 0; i < 5000; i++)
        {
            var (request, c) = Random(rng);
            var excluded = !c.Approved || c.Paused || c.BlockedByCaller || c.ActiveRequests >= c.Profile.Capacity
                           || !c.Profile.HelpModes.Contains(request.HelpMode);
            (MatchScore.Score(request, c, Options) is null).ShouldBe(excluded, $"case {i}");
        }
    }
}
