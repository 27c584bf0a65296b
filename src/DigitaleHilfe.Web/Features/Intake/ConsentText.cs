namespace DigitaleHilfe.Web.Features.Intake;

// What the operator reads out before storing anything. A changed wording gets a new version, so each
// recorded consent says which text the senior agreed to.
public static class ConsentText
{
    public const string Version = "2026-11";

    public const string Text =
        "Sind Sie einverstanden, dass die Digitale Hilfe Ihren Namen, Ihre Telefonnummer und Ihr Anliegen speichert " +
        "und Ihre Telefonnummer an die ehrenamtliche Person weitergibt, die Ihre Anfrage übernimmt?";
}
