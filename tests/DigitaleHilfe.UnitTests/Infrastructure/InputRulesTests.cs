using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class InputRulesTests
{
    private sealed record Form
    {
        public string Name { get; init; } = "";
        public List<string> Topics { get; init; } = [];
        public int Count { get; init; }
    }

    [Fact]
    public void Control_characters_are_found_in_every_text_field_but_line_breaks_and_tabs_are_fine()
    {
        var form = new Form { Name = "Erika\u0000", Topics = ["tablet", "a\u001bb"] };

        ControlCharacters.FieldsIn(form).ShouldBe(["Name", "Topics[1]"]);
        ControlCharacters.FieldsIn(new Form { Name = "Zeile 1\r\nZeile 2\tEnde" }).ShouldBeEmpty();
        ControlCharacters.Strip("Eri\u0000ka\u0007").ShouldBe("Erika");
    }

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    [InlineData(9999, false)]
    public void Typed_dates_lie_between_1900_and_2100(int year, bool plausible) =>
        DateRules.Plausible(new DateTime(year, 6, 1)).ShouldBe(plausible);

    [Fact]
    public void A_background_problem_names_the_error_and_where_but_not_the_data()
    {
        Exception caught;
        try { _ = DateTimeOffset.MaxValue.AddDays(2); throw new InvalidOperationException(); }
        catch (Exception e) { caught = e; }

        var described = BackgroundProblem.Describe(new AggregateException("Erika Mustermann, 0631 123456", caught));

        described.ShouldStartWith("AggregateException");
        described.ShouldNotContain("Erika");
        described.ShouldNotContain("0631");
    }
}
