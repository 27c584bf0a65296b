using System.Globalization;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Shared;

// The hotline's hours per weekday ("09:00-16:00"; empty = closed), Berlin time. Binding merges with
// the defaults, so a city that only adds Saturday keeps Monday to Friday.
public sealed class OfficeHoursOptions
{
    public const string Section = "OfficeHours";

    public Dictionary<DayOfWeek, string> Days { get; set; } = new()
    {
        [DayOfWeek.Monday] = "09:00-16:00", [DayOfWeek.Tuesday] = "09:00-16:00", [DayOfWeek.Wednesday] = "09:00-16:00",
        [DayOfWeek.Thursday] = "09:00-16:00", [DayOfWeek.Friday] = "09:00-16:00",
    };
}

public static class OfficeHoursRules
{
    // Outside the hours or already past: refused until the person ticks the confirmation.
    public static IRuleBuilderOptions<T, DateTime?> InsideOfficeHoursUnlessConfirmed<T>(this IRuleBuilderOptions<T, DateTime?> rule,
        Func<T, bool> confirmed, TimeProvider clock, OfficeHours hours) =>
        rule.Must((input, v) => confirmed(input) || v is not { } local || !DateRules.Plausible(local)
                || (hours.IsOpen(local) && CityTime.FromLocal(local) > clock.GetUtcNow()))
            .WithMessage((_, v) => v is { } local && CityTime.FromLocal(local) <= clock.GetUtcNow()
                ? "Diese Zeit liegt in der Vergangenheit. Bitte wählen Sie eine spätere Zeit oder bestätigen Sie die Zeit mit dem Häkchen darunter."
                : $"Diese Zeit liegt außerhalb der Sprechzeiten der Hotline ({hours.Describe()}). Bitte wählen Sie eine andere Zeit oder bestätigen Sie sie mit dem Häkchen darunter.");
}

public sealed record OpeningWindow(TimeOnly Opens, TimeOnly Closes);

// Callbacks happen while the hotline is staffed: suggestions fall inside these hours, and a time outside
// them (or in the past) needs the operator's explicit confirmation.
public sealed class OfficeHours
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly IReadOnlyDictionary<DayOfWeek, OpeningWindow> windows;

    public OfficeHours(IReadOnlyDictionary<DayOfWeek, OpeningWindow> windows) => this.windows = windows;

    public OfficeHours(IOptions<OfficeHoursOptions> options) : this(Parse(options.Value)) { }

    public static readonly OfficeHours Default = new(Parse(new OfficeHoursOptions()));

    public bool IsOpen(DateTime local) =>
        windows.TryGetValue(local.DayOfWeek, out var w) && TimeOnly.FromDateTime(local) >= w.Opens && TimeOnly.FromDateTime(local) < w.Closes;

    // The first moment at or after `local` when the hotline is staffed (itself, when open).
    public DateTime NextOpen(DateTime local)
    {
        if (windows.Count == 0 || IsOpen(local)) return local;
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (!windows.TryGetValue(date.DayOfWeek, out var w)) continue;
            var opens = date + w.Opens.ToTimeSpan();
            if (opens >= local) return opens;
        }
        return local;
    }

    // A callback "in about `after`": on the next quarter hour, moved into the next opening if needed.
    public DateTimeOffset Suggest(DateTimeOffset now, TimeSpan after)
    {
        var local = CityTime.Local(now + after).DateTime;
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var rounded = new DateTime((local.Ticks + quarter - 1) / quarter * quarter);
        return CityTime.FromLocal(NextOpen(rounded));
    }

    public DateTimeOffset NextOpen(DateTimeOffset now) => CityTime.FromLocal(NextOpen(CityTime.Local(now).DateTime));

    // "Mo–Fr 9:00–16:00 Uhr": consecutive days with the same hours are joined.
    public string Describe()
    {
        if (windows.Count == 0) return "keine Sprechzeiten eingetragen";
        var parts = new List<string>();
        var i = 0;
        while (i < Week.Length)
        {
            if (!windows.TryGetValue(Week[i], out var w)) { i++; continue; }
            var j = i;
            while (j + 1 < Week.Length && windows.TryGetValue(Week[j + 1], out var next) && next == w) j++;
            var days = i == j ? Short(Week[i]) : $"{Short(Week[i])}–{Short(Week[j])}";
            parts.Add($"{days} {Time(w.Opens)}–{Time(w.Closes)} Uhr");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private static string Time(TimeOnly t) => t.ToString("H:mm", CultureInfo.InvariantCulture);

    private static string Short(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Mo", DayOfWeek.Tuesday => "Di", DayOfWeek.Wednesday => "Mi", DayOfWeek.Thursday => "Do",
        DayOfWeek.Friday => "Fr", DayOfWeek.Saturday => "Sa", _ => "So",
    };

    public static IReadOnlyDictionary<DayOfWeek, OpeningWindow> Parse(OfficeHoursOptions options) =>
        TryParse(options, out var windows) ? windows
            : throw new InvalidOperationException("OfficeHours:Days: every day must look like \"09:00-16:00\" (opening before closing) or be empty.");

    public static bool TryParse(OfficeHoursOptions options, out IReadOnlyDictionary<DayOfWeek, OpeningWindow> windows)
    {
        var result = new Dictionary<DayOfWeek, OpeningWindow>();
        windows = result;
        foreach (var (day, text) in options.Days)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TimeOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var opens)
                || !TimeOnly.TryParse(parts[1], CultureInfo.InvariantCulture, out var closes) || closes <= opens)
                return false;
            result[day] = new OpeningWindow(opens, closes);
        }
        return true;
    }
}
