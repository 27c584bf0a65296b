namespace DigitaleHilfe.Web.Features.Shared;

// The service runs in one German city: people read times, and years start, in Berlin time,
// whatever zone the server happens to be in. Events store UTC.
public static class CityTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy, HH:mm 'Uhr'");
}
