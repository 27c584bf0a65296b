using BenchmarkDotNet.Attributes;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.Benchmarks;

// Scores every volunteer of a large network for one request. Target: under 5 ms for 10,000.
[MemoryDiagnoser]
public class ScoringBenchmark
{
    private static readonly string[] Topics = ["smartphone", "tablet", "computer", "email", "online-banking", "videotelefonie"];
    private static readonly string[] Districts = ["innenstadt-ost", "erfenbach", "siegelbach", "morlautern", "dansenberg", "hohenecken", "betzenberg"];
    private static readonly string[] Modes = ["hausbesuch", "telefon", "video", "sprechstunde"];

    private List<Candidate> _candidates = [];
    private readonly MatchingOptions _options = new() { Neighbours = new() { ["erfenbach"] = ["siegelbach", "morlautern"] } };
    private readonly MatchRequest _request = new("online-banking", "erfenbach", "telefon", "tr", PreferredTimes.Parse("Di Do vormittags"));

    [Params(1_000, 10_000)]
    public int Volunteers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        T[] Some<T>(T[] all) => all.Where(_ => rng.Next(3) == 0).ToArray();
        _candidates = Enumerable.Range(0, Volunteers).Select(i => new Candidate(Guid.NewGuid(), $"V{i}",
            new VolunteerProfile(Guid.NewGuid())
            {
                Topics = Some(Topics), Districts = Some(Districts), HelpModes = [.. Some(Modes), "telefon"], Languages = rng.Next(5) == 0 ? ["de", "tr"] : ["de"],
                Capacity = rng.Next(1, 4), Availability = rng.Next(2) == 0 ? PreferredTimes.Parse("Mo Di nachmittags") : [],
            },
            Approved: true, Paused: rng.Next(20) == 0, ActiveRequests: rng.Next(0, 3), DaysSinceLastRequest: rng.Next(0, 60),
            HelpedCallerWell: rng.Next(50) == 0, BlockedByCaller: false, RecentSetbacks: rng.Next(0, 3))).ToList();
    }

    [Benchmark]
    public int RankTopFive() => MatchScore.Rank(_request, _candidates, _options, take: 5).Count;
}
