using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DigitaleHilfe.Web.Features.Catalog;

// A list of topics or districts as an admin edits it in a text field: one entry per line, "id = Label", or only
// "Label" for a new entry (its id is made from the label). The id is what requests store, so keeping it while
// rewording the label keeps every old request under the same entry.
public static class CatalogLines
{
    public const int MostEntries = 100;
    public const int MostLabel = 80;
    private static readonly Regex Id = new("^[a-z0-9][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant);

    public static string Format(IEnumerable<CatalogEntry> entries) => string.Join("\n", entries.Select(e => $"{e.Id} = {e.Label}"));

    public static string Format(IReadOnlyDictionary<string, IReadOnlyList<string>> neighbours) =>
        string.Join("\n", neighbours.Where(n => n.Value.Count > 0).Select(n => $"{n.Key}: {string.Join(", ", n.Value)}"));

    // The entries, or the problems with line numbers (German, for the form).
    public static (List<CatalogEntry> Entries, List<string> Problems) Parse(string? text)
    {
        var entries = new List<CatalogEntry>();
        var problems = new List<string>();
        foreach (var (line, number) in Lines(text))
        {
            var cut = line.IndexOf('=');
            var id = cut < 0 ? Slug(line) : line[..cut].Trim();
            var label = cut < 0 ? line : line[(cut + 1)..].Trim();
            if (label.Length == 0) problems.Add($"Zeile {number}: Nach dem „=“ fehlt die Bezeichnung.");
            else if (label.Length > MostLabel) problems.Add($"Zeile {number}: Die Bezeichnung hat höchstens {MostLabel} Zeichen.");
            else if (!Id.IsMatch(id)) problems.Add($"Zeile {number}: Die Kennung „{Shorten(id)}“ besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (höchstens 50).");
            else if (entries.Any(e => e.Id == id)) problems.Add($"Zeile {number}: Die Kennung „{id}“ steht schon weiter oben.");
            else entries.Add(new CatalogEntry(id, label));
        }
        if (entries.Count == 0 && problems.Count == 0) problems.Add("Bitte nennen Sie mindestens einen Eintrag.");
        if (entries.Count > MostEntries) problems.Add($"Höchstens {MostEntries} Einträge.");
        return (entries, problems);
    }

    // "district: neighbour, neighbour" per line; every id must be one of the districts. Neighbourhood is read both
    // ways by the matching, so each pair needs writing once.
    public static (Dictionary<string, IReadOnlyList<string>> Neighbours, List<string> Problems) ParseNeighbours(string? text, IReadOnlySet<string> districts)
    {
        var neighbours = new Dictionary<string, IReadOnlyList<string>>();
        var problems = new List<string>();
        foreach (var (line, number) in Lines(text))
        {
            var cut = line.IndexOf(':');
            if (cut < 0) { problems.Add($"Zeile {number}: Bitte schreiben Sie „stadtteil: nachbar, nachbar“."); continue; }
            var district = line[..cut].Trim();
            var others = line[(cut + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            var unknown = others.Prepend(district).FirstOrDefault(d => !districts.Contains(d));
            if (unknown is not null) problems.Add($"Zeile {number}: „{Shorten(unknown)}“ ist keine Kennung aus der Liste der Stadtteile.");
            else if (others.Contains(district)) problems.Add($"Zeile {number}: Ein Stadtteil ist nicht sein eigener Nachbar.");
            else if (neighbours.ContainsKey(district)) problems.Add($"Zeile {number}: „{district}“ steht schon weiter oben.");
            else neighbours[district] = others;
        }
        return (neighbours, problems);
    }

    public static string Slug(string label)
    {
        var text = label.Trim().ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }
        var slug = Regex.Replace(plain.ToString(), "-{2,}", "-").Trim('-');
        return slug.Length > 50 ? slug[..50].TrimEnd('-') : slug;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string? text) =>
        (text ?? "").Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0);

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
