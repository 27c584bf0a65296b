using DigitaleHilfe.Web.Features.Catalog;

namespace DigitaleHilfe.UnitTests;

internal static class TestCatalog
{
    public static Catalog Create() => new(new CatalogOptions
    {
        Topics = [new("online-banking", "Online-Banking"), new("smartphone", "Smartphone")],
        Districts = [new("innenstadt-ost", "Innenstadt-Ost"), new("erfenbach", "Erfenbach")],
        HelpModes = [new("hausbesuch", "Hausbesuch"), new("telefon", "Telefon")],
    });
}
