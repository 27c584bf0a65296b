namespace DigitaleHilfe.Web.Features.Shared;

// The languages people choose from (ISO 639-1 codes are stored, German names are shown): those most
// spoken in German cities besides German. An older code still stored shows as itself.
public static class Languages
{
    public static readonly (string Code, string Name)[] All =
    [
        ("de", "Deutsch"), ("en", "Englisch"), ("tr", "Türkisch"), ("ru", "Russisch"), ("uk", "Ukrainisch"), ("pl", "Polnisch"),
        ("ar", "Arabisch"), ("ro", "Rumänisch"), ("it", "Italienisch"), ("el", "Griechisch"), ("hr", "Kroatisch"), ("sr", "Serbisch"),
        ("bs", "Bosnisch"), ("ku", "Kurdisch"), ("fa", "Persisch"), ("fr", "Französisch"), ("es", "Spanisch"), ("pt", "Portugiesisch"),
        ("vi", "Vietnamesisch"), ("sq", "Albanisch"),
    ];

    public static string Name(string code) => All.FirstOrDefault(l => l.Code == code).Name ?? code;
}
