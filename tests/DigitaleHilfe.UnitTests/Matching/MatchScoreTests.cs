using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.UnitTests.Matching;

public sealed class MatchScoreTests
{
    private static readonly MatchingOptions Options = new()
    {
        Neighbours = new() { ["erfenbach"] = ["siegelbach"] },
    };

    private static readonly MatchRequest Request = new("online-banking", "erfenbach", "telefon", null, []);

    private static Candidate Volunteer(string name = "Petra", Func<VolunteerProfile, VolunteerProfile>? profile = null) =>
        new(Guid.NewGuid(), name, (profile ?? (p => p))(new VolunteerProfile(Guid.NewGuid())
        {
            Topics = ["online-banking"], Districts = ["erfenbach"], HelpModes = ["telefon"], Capacity = 2,
        }), Approved: true, Paused: false, ActiveRequests: 0, DaysSinceLastRequest: 30, HelpedCallerWell: false, BlockedByCaller: false, RecentSetbacks: 0);

    [Fact]
    public void Every_good_factor_comes_with_a_reason_a_person_can_read()
    {
        var s = MatchScore.Score(Request, Volunteer() with { HelpedCallerWell = true }, Options, _ => "Online-Banking")!;

        s.Reasons.ShouldBe([
            "kennt sich mit Online-Banking aus", "ist im selben Stadtteil unterwegs", "hat gerade Kapazität frei",
            "war länger nicht dran", "hat der Person schon erfolgreich geholfen",
        ]);
        s.Score.ShouldBe(Options.Topic + Options.District + Options.Availability + Options.Workload + Options.Fairness + Options.Continuity + Options.Reliability);
    }

    [Fact]
    public void A_neighbouring_district_counts_half_and_far_counts_nothing()
    {
        var neighbour = MatchScore.Score(Request, Volunteer(profile: p => p with { Districts = ["siegelbach"] }), Options)!;
        var far = MatchScore.Score(Request, Volunteer(profile: p => p with { Districts = ["dansenberg"] }), Options)!;
        var same = MatchScore.Score(Request, Volunteer(), Options)!;

        (same.Score - neighbour.Score).ShouldBe(Options.District / 2);
        (same.Score - far.Score).ShouldBe(Options.District);
        neighbour.Reasons.ShouldContain("hilft im Nachbarstadtteil");
    }

    [Fact]
    public void Language_counts_only_when_the_senior_needs_another_than_German()
    {
        var turkish = Request with { Language = "tr" };

        var speaks = MatchScore.Score(turkish, Volunteer(profile: p => p with { Languages = ["de", "tr"] }), Options)!;
        var doesNot = MatchScore.Score(turkish, Volunteer(), Options)!;

        (speaks.Score - doesNot.Score).ShouldBe(Options.Language);
        speaks.Reasons.ShouldContain("spricht die Sprache der Person (Türkisch)");
    }

    [Fact]
    public void Recent_setbacks_lower_the_score_and_say_so()
    {
        var reliable = MatchScore.Score(Request, Volunteer(), Options)!;
        var shaky = MatchScore.Score(Request, Volunteer() with { RecentSetbacks = 2 }, Options)!;

        shaky.Score.ShouldBeLessThan(reliable.Score);
        shaky.Reasons.ShouldContain("hat zuletzt Anfragen zurückgegeben oder Termine verpasst");
    }

    [Theory]
    [InlineData("not approved")]
    [InlineData("paused")]
    [InlineData("full")]
    [InlineData("other mode")]
    [InlineData("not again")]
    public void Hard_filters_exclude_rather_than_score(string why)
    {
        var c = why switch
        {
            "not approved" => Volunteer() with { Approved = false },
            "paused" => Volunteer() with { Paused = true },
            "full" => Volunteer() with { ActiveRequests = 2 },
            "other mode" => Volunteer(profile: p => p with { HelpModes = ["hausbesuch"] }),
            _ => Volunteer() with { BlockedByCaller = true },
        };

        MatchScore.Score(Request, c, Options).ShouldBeNull();
        MatchScore.Rank(Request, [c, Volunteer("Otto")], Options).Select(s => s.Name).ShouldBe(["Otto"]);
    }

    [Fact]
    public void Ranking_puts_the_best_first_and_takes_the_top_n()
    {
        var best = Volunteer("Beste") with { HelpedCallerWell = true };
        var middle = Volunteer("Mitte");
        var weak = Volunteer("Schwach", p => p with { Topics = [] });

        MatchScore.Rank(Request, [weak, best, middle], Options, take: 2).Select(s => s.Name).ShouldBe(["Beste", "Mitte"]);
    }

    [Fact]
    public void Ranking_explains_only_the_best_yet_says_exactly_what_scoring_each_volunteer_says()
    {
        var rng = new Random(7);
        string[] Some(params string[] all) => all.Where(_ => rng.Next(3) == 0).ToArray();
        var candidates = Enumerable.Range(0, 500).Select(i => Volunteer($"V{i % 97}", p => p with
        {
            Topics = Some("online-banking", "smartphone", "email"), Districts = Some("erfenbach", "siegelbach", "dansenberg"),
            HelpModes = [.. Some("hausbesuch"), "telefon"], Languages = rng.Next(4) == 0 ? ["de", "tr"] : ["de"], Capacity = rng.Next(1, 4),
            Availability = rng.Next(2) == 0 ? PreferredTimes.Parse("Mo Di nachmittags") : [],
        }) with
        {
            ActiveRequests = rng.Next(0, 3), DaysSinceLastRequest = rng.Next(0, 60), HelpedCallerWell = rng.Next(20) == 0, RecentSetbacks = rng.Next(0, 3),
        }).ToList();
        var request = Request with { Language = "tr", PreferredSlots = PreferredTimes.Parse("Dienstag nachmittags") };
        var eachScored = candidates.Select(c => MatchScore.Score(request, c, Options, _ => "Online-Banking")).OfType<Suggestion>()
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

        var ranked = MatchScore.Rank(request, candidates, Options, take: 10, _ => "Online-Banking");
        var lazily = MatchScore.Ranked(request, candidates, Options, _ => "Online-Banking").ToList();

        Describe(ranked).ShouldBe(Describe(eachScored.Take(10)));
        Describe(lazily).ShouldBe(Describe(eachScored));
        eachScored.Select(s => s.Score).Distinct().Count().ShouldBeGreaterThan(5);   // a real ranking, not one tie
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Ranking_none_or_fewer_gives_an_empty_list(int take) =>
        MatchScore.Rank(Request, [Volunteer()], Options, take).ShouldBeEmpty();

    private static List<string> Describe(IEnumerable<Suggestion> suggestions) =>
        suggestions.Select(s => $"{s.VolunteerId} {s.Score} {string.Join(",", s.Reasons)} {string.Join(",", s.Matches)}").ToList();

    [Fact]
    public void Availability_is_the_share_of_wished_slots_the_volunteer_covers()
    {
        var monday = new AvailabilitySlot(DayOfWeek.Monday, new(8, 0), new(12, 0));
        var tuesday = new AvailabilitySlot(DayOfWeek.Tuesday, new(8, 0), new(12, 0));

        MatchScore.Overlap([monday, tuesday], [monday]).ShouldBe(0.5);
        MatchScore.Overlap([monday], []).ShouldBe(1);
        MatchScore.Overlap([], [tuesday]).ShouldBe(1);
    }

    [Theory]
    [InlineData("vormittags", 5)]
    [InlineData("Di und Do nachmittags", 2)]
    [InlineData("vormittags, nicht mittwochs", 4)]
    [InlineData("Montag", 1)]
    [InlineData("egal", 0)]
    public void Preferred_times_are_read_from_the_operators_words(string text, int slots)
    {
        PreferredTimes.Parse(text).Count.ShouldBe(slots);
    }
}
