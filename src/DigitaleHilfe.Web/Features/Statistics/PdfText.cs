using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace DigitaleHilfe.Web.Features.Statistics;

// A plain A4 document of headings, paragraphs and two-column rows, enough for the annual report and the
// volunteer certificate. PDFsharp 6.2.4 (MIT). Fonts come from the app itself (Liberation Sans, SIL Open Font Licence, embedded),
// so a server without fonts still writes the same PDF.
public sealed class PdfText
{
    private const double Margin = 56, Width = 595 - 2 * Margin, Bottom = 842 - Margin;
    private readonly PdfDocument _document = new();
    private XGraphics _gfx = null!;
    private double _y;

    public PdfText(string title)
    {
        lock (FontsLock)
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts) GlobalFontSettings.FontResolver = new EmbeddedFonts();
        (Body, Bold, H1, H2, Small) = (new XFont(EmbeddedFonts.Family, 11), new XFont(EmbeddedFonts.Family, 11, XFontStyleEx.Bold),
            new XFont(EmbeddedFonts.Family, 18, XFontStyleEx.Bold), new XFont(EmbeddedFonts.Family, 13, XFontStyleEx.Bold), new XFont(EmbeddedFonts.Family, 9));
        _document.Info.Title = title;
        _document.Info.Creator = "Digitale Hilfe";
        NewPage();
    }

    private static readonly Lock FontsLock = new();

    private readonly XFont Body, Bold, H1, H2, Small;

    public PdfText Title(string text) => Lines(text, H1, 8);
    public PdfText Heading(string text) { _y += 8; return Lines(text, H2, 4); }
    public PdfText Paragraph(string text) => Lines(text, Body, 6);
    public PdfText Note(string text) => Lines(text, Small, 4);

    // "Neue Anfragen ........ 1.234": a label and its figure on one line.
    public PdfText Row(string label, string value, bool strong = false)
    {
        Room(16);
        _gfx.DrawString(label, strong ? Bold : Body, XBrushes.Black, new XRect(Margin, _y, Width * 0.7, 16), XStringFormats.TopLeft);
        _gfx.DrawString(value, strong ? Bold : Body, XBrushes.Black, new XRect(Margin, _y, Width, 16), XStringFormats.TopRight);
        _y += 16;
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private PdfText Lines(string text, XFont font, double after)
    {
        var height = font.GetHeight() + 2;
        foreach (var line in Wrap(text, font))
        {
            Room(height);
            _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }
        _y += after;
        return this;
    }

    private IEnumerable<string> Wrap(string text, XFont font)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > Width) { yield return line; line = word; }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }

    private void Room(double height)
    {
        if (_y + height <= Bottom) return;
        NewPage();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _gfx = XGraphics.FromPdfPage(_document.AddPage());
        _y = Margin;
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        public const string Family = "Liberation Sans";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular", mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[] GetFont(string faceName)
        {
            var assembly = typeof(PdfText).Assembly;
            var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".{faceName}.ttf", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Font {faceName} is not embedded.");
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
