using PhoneNumbers;

namespace DigitaleHilfe.Web.Features.Callers;

// Phone numbers as the hotline hears them ("0631 / 12 34 56", "(0631) 123456", "0049 631 …") are
// stored as E.164 (+49631123456), so one senior is one number however it was typed.
public static class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private const string Region = "DE";

    public sealed record Parsed(string? E164, string? Problem);

    public static Parsed Normalise(string? input)
    {
        var raw = (input ?? "").Trim();
        if (raw.Length == 0) return new(null, "Bitte geben Sie eine Telefonnummer an.");
        if (raw.Length > 40 || raw.Any(c => !(char.IsAsciiDigit(c) || " +-/().".Contains(c))))
            return new(null, "Die Telefonnummer darf nur Ziffern, Leerzeichen und + / ( ) - enthalten.");

        // Landlines without area code are common on the phone ("123456"); guessing 0631 would be
        // wrong for callers from the county, so ask instead.
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        var hasPrefix = raw.StartsWith('+') || digits.StartsWith('0');
        if (!hasPrefix) return new(null, "Bitte geben Sie die Nummer mit Vorwahl an, z. B. 0631 123456.");

        try
        {
            var number = Util.Parse(raw, Region);
            return Util.IsValidNumber(number)
                ? new(Util.Format(number, PhoneNumberFormat.E164), null)
                : new(null, "Diese Telefonnummer gibt es so nicht. Bitte prüfen Sie Vorwahl und Ziffern.");
        }
        catch (NumberParseException)
        {
            return new(null, "Diese Telefonnummer gibt es so nicht. Bitte prüfen Sie Vorwahl und Ziffern.");
        }
    }

    // For reading out: "0631 123456" for German numbers, "+43 1 234567" for others.
    public static string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, Region);
            return Util.Format(number, number.CountryCode == 49 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    public static string NationalDigits(string e164) => new(Display(e164).Where(char.IsAsciiDigit).ToArray());
}
