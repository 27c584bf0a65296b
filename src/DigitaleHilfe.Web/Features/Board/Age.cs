namespace DigitaleHilfe.Web.Features.Board;

public static class Age
{
    // "3 Tagen", "5 Stunden", "wenigen Minuten" – how long a senior has been waiting.
    public static string Of(DateTimeOffset since, DateTimeOffset now) => (now - since) switch
    {
        var d when d.TotalDays >= 2 => $"{(int)d.TotalDays} Tagen",
        var d when d.TotalDays >= 1 => "einem Tag",
        var d when d.TotalHours >= 2 => $"{(int)d.TotalHours} Stunden",
        var d when d.TotalHours >= 1 => "einer Stunde",
        _ => "wenigen Minuten",
    };
}
