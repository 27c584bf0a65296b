using System.Globalization;
using DigitaleHilfe.Web.Features.Towns;

namespace DigitaleHilfe.UnitTests.Towns;

public sealed class PaletteTests
{
    public static TheoryData<string> Palettes() => [.. TownPalettes.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Every_colour_a_town_may_choose_reads_at_four_and_a_half_to_one_or_better(string id)
    {
        var palette = TownPalettes.All.Single(p => p.Id == id);
        Contrast(palette.Accent, "#ffffff").ShouldBeGreaterThanOrEqualTo(4.5, "links and outlines on white");
        Contrast(palette.AccentDark, "#ffffff").ShouldBeGreaterThanOrEqualTo(4.5, "white text on the header and buttons");
    }

    [Theory]
    [MemberData(nameof(Palettes))]
    public void The_style_sheet_carries_each_palette_with_the_checked_colours(string id)
    {
        var palette = TownPalettes.All.Single(p => p.Id == id);
        var css = File.ReadAllText(Path.Combine(Root(), "src", "DigitaleHilfe.Web", "wwwroot", "css", "site.css"));
        css.ShouldContain($".palette-{id} {{ --accent: {palette.Accent}; --accent-dark: {palette.AccentDark}; }}");
        css.ShouldContain($".swatch-{id} {{ background: {palette.AccentDark}; }}");
    }

    [Fact]
    public void An_unknown_palette_falls_back_to_the_default()
    {
        TownPalettes.CssClass(null).ShouldBe("palette-blau");
        TownPalettes.CssClass("pink\"><script>").ShouldBe("palette-blau");
        TownPalettes.CssClass("gruen").ShouldBe("palette-gruen");
    }

    // WCAG 2 contrast ratio from relative luminance.
    private static double Contrast(string a, string b)
    {
        double Luminance(string hex)
        {
            double Channel(int at)
            {
                var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
        }
        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigitaleHilfe.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }
}
