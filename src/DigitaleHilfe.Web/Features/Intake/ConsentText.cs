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

    // Where a town wrote its own wording, "{Monate}" in it stands for the town's retention period.
    public const string MonthsPlaceholder = "{Monate}";

    // The wording the current town reads out, and the version a consent given now records.
    public static (string Version, string Text) Current(Towns.Town? town, int retentionMonths) =>
        town?.Consent is { } own
            ? ($"{town.Id}-{own.Number}/{retentionMonths}", Fill(own.Text, retentionMonths))
            : (Version(retentionMonths), For(retentionMonths));

    // The text of a recorded version: the installation's, or one of the town's wordings, current or earlier.
    public static string? Of(string version, Towns.Town? town)
    {
        if (town is null || !version.StartsWith(town.Id + "-")) return Of(version);
        var parts = version[(town.Id.Length + 1)..].Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var number) || !int.TryParse(parts[1], out var months)) return null;
        var wording = (town.EarlierConsents ?? []).Append(town.Consent).FirstOrDefault(c => c?.Number == number);
        return wording is null ? null : Fill(wording.Text, months);
    }

    private static string Fill(string text, int months) => text.Replace(MonthsPlaceholder, months.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
