namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class StatusLabels
{
    public static string German(RequestStatus status) => status switch
    {
        RequestStatus.Open => "Offen",
        RequestStatus.Claimed => "Übernommen",
        RequestStatus.Scheduled => "Termin vereinbart",
        RequestStatus.Resolved => "Erledigt",
        RequestStatus.Closed => "Abgeschlossen",
        RequestStatus.Cancelled => "Zurückgezogen",
        _ => status.ToString(),
    };
}
