namespace DigitaleHilfe.Web.Features.Shared;

// The service runs in one German city: people read times, and years start, in Berlin time,
// whatever zone the server happens to be in. Events store UTC.
public static class CityTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    // A time typed into a form (datetime-local) means Berlin time.
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public static string ForInput(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd'T'HH:mm");

    public static string Format(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy, HH:mm 'Uhr'");

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy");
}
