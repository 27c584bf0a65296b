using DigitaleHilfe.Web.Features.Catalog;

namespace DigitaleHilfe.UnitTests.Towns;

public sealed class CatalogLinesTests
{
    [Fact]
    public void A_line_keeps_its_id_and_a_line_without_one_gets_it_from_the_label()
    {
        var (entries, problems) = CatalogLines.Parse("smartphone = Smartphone und Handy\n\n  Behördengänge im Internet  \nStraße & Äpfel");

        problems.ShouldBeEmpty();
        entries.ShouldBe([
            new CatalogEntry("smartphone", "Smartphone und Handy"),
            new CatalogEntry("behoerdengaenge-im-internet", "Behördengänge im Internet"),
            new CatalogEntry("strasse-aepfel", "Straße & Äpfel"),
        ]);
    }

    [Fact]
    public void Formatting_and_parsing_again_gives_the_same_entries()
    {
        CatalogEntry[] entries = [new("innenstadt-ost", "Innenstadt-Ost"), new("mitte", "Mitte = Zentrum")];
        CatalogLines.Parse(CatalogLines.Format(entries)).Entries.ShouldBe(entries);
    }

    [Theory]
    [InlineData("a = A\na = B", "Zeile 2: Die Kennung „a“ steht schon weiter oben.")]
    [InlineData("Gross Klein = Label", "Zeile 1: Die Kennung „Gross Klein“ besteht aus Kleinbuchstaben")]
    [InlineData("x =", "Zeile 1: Nach dem „=“ fehlt die Bezeichnung.")]
    [InlineData("   \n  ", "Bitte nennen Sie mindestens einen Eintrag.")]
    [InlineData("!!!", "Zeile 1: Die Kennung „“ besteht aus")]
    public void A_list_with_a_problem_names_the_line(string text, string problem)
    {
        var (_, problems) = CatalogLines.Parse(text);
        problems.ShouldContain(p => p.StartsWith(problem));
    }

    [Fact]
    public void A_label_longer_than_eighty_characters_and_more_than_a_hundred_entries_are_refused()
    {
        CatalogLines.Parse("x = " + new string('a', 81)).Problems.ShouldContain("Zeile 1: Die Bezeichnung hat höchstens 80 Zeichen.");
        CatalogLines.Parse(string.Join("\n", Enumerable.Range(1, 101).Select(i => $"t{i} = Thema {i}"))).Problems.ShouldContain("Höchstens 100 Einträge.");
    }

    [Fact]
    public void Neighbours_name_only_districts_of_the_list_and_never_themselves()
    {
        var districts = new HashSet<string> { "mitte", "nord", "sued" };

        var (neighbours, problems) = CatalogLines.ParseNeighbours("mitte: nord, sued, nord\nnord: sued", districts);
        problems.ShouldBeEmpty();
        neighbours["mitte"].ShouldBe(["nord", "sued"]);
        neighbours["nord"].ShouldBe(["sued"]);

        CatalogLines.ParseNeighbours("mitte: west", districts).Problems.ShouldBe(["Zeile 1: „west“ ist keine Kennung aus der Liste der Stadtteile."]);
        CatalogLines.ParseNeighbours("mitte: mitte", districts).Problems.ShouldBe(["Zeile 1: Ein Stadtteil ist nicht sein eigener Nachbar."]);
        CatalogLines.ParseNeighbours("mitte nord", districts).Problems.ShouldBe(["Zeile 1: Bitte schreiben Sie „stadtteil: nachbar, nachbar“."]);
        CatalogLines.ParseNeighbours("mitte: nord\nmitte: sued", districts).Problems.ShouldBe(["Zeile 2: „mitte“ steht schon weiter oben."]);
    }
}
