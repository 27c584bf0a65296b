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
}
