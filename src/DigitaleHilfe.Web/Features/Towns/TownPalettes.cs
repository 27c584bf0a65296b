namespace DigitaleHilfe.Web.Features.Towns;

// The colours a town may choose for its pages. Each is a pair checked for contrast (PaletteTests): the accent on
// white (links, buttons' borders) and white on the dark shade (the header, primary buttons) at least 4.5:1, so no
// choice makes the pages harder to read. site.css defines each as a body class, "palette-<id>".
public static class TownPalettes
{
    public sealed record Palette(string Id, string Label, string Accent, string AccentDark);

    public const string Default = "blau";

    public static readonly IReadOnlyList<Palette> All =
    [
        new("blau", "Blau", "#0b5cad", "#084683"),
        new("gruen", "Grün", "#1d6b3a", "#14502b"),
        new("petrol", "Petrol", "#00677a", "#004e5c"),
        new("violett", "Violett", "#6b3fa0", "#51307a"),
        new("rot", "Rot", "#a4262c", "#7d1d22"),
        new("braun", "Braun", "#8a4b08", "#6b3a06"),
    ];

    public static string CssClass(string? id) => $"palette-{(All.Any(p => p.Id == id) ? id : Default)}";
}
