namespace DigitaleHilfe.Web.Features.Intake;

// What the operator reads out before storing anything. A changed wording gets a new version, so each
// recorded consent says which text the senior agreed to. The retention period is part of the text and
// of its version ("2026-12/12"), so a changed Privacy:RetentionMonths is a new version too.
public static class ConsentText
{
    public const string Wording = "2026-12";

    // Earlier wordings stay, so a consent recorded under them can still be shown (Art. 15 export).
    private static readonly Dictionary<string, string> Earlier = new()
    {
        ["2026-11"] = "Sind Sie einverstanden, dass die Digitale Hilfe Ihren Namen, Ihre Telefonnummer und Ihr Anliegen speichert " +
            "und Ihre Telefonnummer an die ehrenamtliche Person weitergibt, die Ihre Anfrage übernimmt?",
    };

    public static string Version(int retentionMonths) => $"{Wording}/{retentionMonths}";

    public static string For(int retentionMonths) =>
        "Sind Sie einverstanden, dass die Digitale Hilfe Ihren Namen, Ihre Telefonnummer und Ihr Anliegen speichert " +
        "und Ihre Telefonnummer an die ehrenamtliche Person weitergibt, die Ihre Anfrage übernimmt? " +
        $"Wir löschen Ihre Angaben {retentionMonths} Monate nach Ihrer letzten Anfrage – oder früher, wenn Sie es wünschen. " +
        "Sie können Ihre Einwilligung jederzeit bei der Hotline widerrufen.";

    public static string? Of(string version) =>
        Earlier.TryGetValue(version, out var text) ? text
        : version.StartsWith(Wording + "/") && int.TryParse(version[(Wording.Length + 1)..], out var months) ? For(months)
        : null;
}
