namespace DigitaleHilfe.Web.Features.Shared;

public static class GermanDurations
{
    // A span in the dative, as after "seit", "nach", "innerhalb von": "24 Stunden", "einem Tag", "8 Tagen".
    public static string Dative(TimeSpan span)
    {
        static string Of(double n, string one, string many) => Math.Round(n) == 1 ? one : $"{Math.Round(n):0} {many}";
        return span.TotalHours < 1 ? Of(Math.Max(1, span.TotalMinutes), "einer Minute", "Minuten")
            : span.TotalHours < 48 ? Of(span.TotalHours, "einer Stunde", "Stunden")
            : Of(span.TotalDays, "einem Tag", "Tagen");
    }

    // Time spent helping, as people say it: "45 Minuten", "1 Std. 30 Min.", "2 Std.", not "0,8 Stunden".
    public static string Minutes(int minutes) => minutes switch
    {
        1 => "1 Minute",
        < 60 => $"{Math.Max(0, minutes)} Minuten",
        _ when minutes % 60 == 0 => $"{minutes / 60} Std.",
        _ => $"{minutes / 60} Std. {minutes % 60} Min.",
    };
}
