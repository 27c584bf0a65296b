namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class OutcomeLabels
{
    public static string German(Outcome outcome) => outcome switch
    {
        Outcome.Solved => "gelöst",
        Outcome.PartlySolved => "teilweise gelöst",
        Outcome.NotSolvable => "nicht lösbar",
        Outcome.CallerUnreachable => "Senior nicht erreichbar",
        Outcome.NoShow => "Termin nicht wahrgenommen",
        _ => outcome.ToString(),
    };
}
