using System.Text.RegularExpressions;

namespace DigitaleHilfe.Web.Features.Intake;

// A first, forgiving check of what an operator typed. The callers issue replaces this with
// libphonenumber and E.164; until then a number is stored as typed, with whitespace tidied.
public static partial class PhoneNumbers
{
    public static bool LooksDiallable(string phone) =>
        Allowed().IsMatch(phone) && phone.Count(char.IsAsciiDigit) is >= 6 and <= 20;

    public static string Tidy(string phone) => Whitespace().Replace(phone.Trim(), " ");

    [GeneratedRegex(@"^\+?[0-9 /()\-]+$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
