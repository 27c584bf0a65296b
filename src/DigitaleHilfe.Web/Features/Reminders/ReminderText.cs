using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Reminders;

// Wording every audience's reminders share.
public sealed class ReminderText(Catalog.Catalog catalog)
{
    public const string VolunteerFooter = "Sie bekommen diese E-Mail, weil Sie bei der Digitalen Hilfe mithelfen. Welche Erinnerungen Sie per E-Mail möchten, stellen Sie in Ihrem Profil ein.";
    public const string CoordinatorFooter = "Sie bekommen diese E-Mail als Koordination der Digitalen Hilfe.";
    public const string CallerFooter = "Sie bekommen diese E-Mail, weil Sie bei der Digitalen Hilfe um Unterstützung gebeten und uns Ihre E-Mail-Adresse gegeben haben.";

    public Catalog.Catalog Catalog => catalog;

    // "Online-Banking in Erfenbach"
    public string What(HelpRequest r) => $"{catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}";

    // "morgen, 10:00 Uhr", "heute, …" or "am 29.11.2026, 10:00 Uhr", by the city's calendar.
    public static string Day(DateTimeOffset at, DateTimeOffset now)
    {
        var local = CityTime.Local(at);
        return (local.Date - CityTime.Local(now).Date).Days switch
        {
            0 => $"heute, {local:HH:mm} Uhr",
            1 => $"morgen, {local:HH:mm} Uhr",
            _ => $"am {CityTime.Format(at)}",
        };
    }
}
