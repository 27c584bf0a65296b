using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.Web.Features.Matching;

// Reads the operator's free text ("vormittags, nicht mittwochs", "Di und Do nachmittags") into slots.
// Whatever it cannot read counts as "any time": a wrong guess would hide good volunteers.
public static class PreferredTimes
{
    private static readonly (string Word, DayOfWeek Day)[] DayWords =
    [
        ("mo", DayOfWeek.Monday), ("di", DayOfWeek.Tuesday), ("mi", DayOfWeek.Wednesday), ("do", DayOfWeek.Thursday),
        ("fr", DayOfWeek.Friday), ("sa", DayOfWeek.Saturday), ("so", DayOfWeek.Sunday),
    ];

    private static readonly (string Word, TimeOnly From, TimeOnly To)[] PartWords =
    [
        ("vormittag", new(8, 0), new(12, 0)), ("morgen", new(8, 0), new(12, 0)),
        ("mittag", new(12, 0), new(14, 0)), ("nachmittag", new(12, 0), new(17, 0)), ("abend", new(17, 0), new(20, 0)),
    ];

    public static IReadOnlyList<AvailabilitySlot> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = text.ToLowerInvariant().Split([' ', ',', ';', '/', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        var days = new HashSet<DayOfWeek>();
        var excluded = new HashSet<DayOfWeek>();
        var parts = new List<(TimeOnly From, TimeOnly To)>();
        for (var i = 0; i < words.Length; i++)
        {
            var negated = i > 0 && words[i - 1] is "nicht" or "kein" or "keine" or "außer";
            foreach (var (word, day) in DayWords)
                if (words[i] == word || words[i].StartsWith(word) && words[i].Length > 4 && IsDayName(words[i]))
                    (negated ? excluded : days).Add(day);
            foreach (var (word, from, to) in PartWords)
                if (words[i].StartsWith(word) || words[i] == word + "s") { parts.Add((from, to)); break; }
        }
        if (days.Count == 0 && parts.Count == 0 && excluded.Count == 0) return [];
        if (days.Count == 0) days = Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToHashSet();
        days.ExceptWith(excluded);
        if (parts.Count == 0) parts.Add((new(8, 0), new(20, 0)));
        return days.SelectMany(d => parts.Select(p => new AvailabilitySlot(d, p.From, p.To))).ToList();
    }

    private static bool IsDayName(string word) =>
        word is "montag" or "montags" or "dienstag" or "dienstags" or "mittwoch" or "mittwochs" or "donnerstag" or "donnerstags"
            or "freitag" or "freitags" or "samstag" or "samstags" or "sonntag" or "sonntags";
}
