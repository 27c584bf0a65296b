using DigitaleHilfe.Web.Features.Callers;

namespace DigitaleHilfe.UnitTests.Callers;

public sealed class PhonesTests
{
    [Theory]
    [InlineData("0631 / 12 34 56")]
    [InlineData("+49 631 123456")]
    [InlineData("0049631123456")]
    [InlineData("(0631) 123456")]
    [InlineData("0631-123456")]
    public void The_ways_the_hotline_hears_a_number_are_one_number(string typed)
    {
        Phones.Normalise(typed).ShouldBe(new Phones.Parsed("+49631123456", null));
    }

    [Fact]
    public void Mobile_and_foreign_numbers_normalise_too()
    {
        Phones.Normalise("0171 1234567").E164.ShouldBe("+491711234567");
        Phones.Normalise("+43 1 5344 3000").E164.ShouldBe("+43153443000");
    }

    [Theory]
    [InlineData("123456", "Vorwahl")]
    [InlineData("", "Bitte geben Sie eine Telefonnummer an.")]
    [InlineData("ruft an", "nur Ziffern")]
    [InlineData("0631 1", "gibt es so nicht")]
    [InlineData("+49 0000 0000000000000", "gibt es so nicht")]
    public void Numbers_that_cannot_be_dialled_get_a_reason_not_a_crash(string typed, string reason)
    {
        var parsed = Phones.Normalise(typed);

        parsed.E164.ShouldBeNull();
        parsed.Problem.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Numbers_are_shown_the_way_they_are_read_out()
    {
        Phones.Display("+49631123456").ShouldBe("0631 123456");
        Phones.NationalDigits("+49631123456").ShouldBe("0631123456");
    }

    [Theory]
    [InlineData("Becker", new[] { "becker" })]
    [InlineData("0631 12", new[] { "063112" })]
    [InlineData("+49 631 123", new[] { "0631123" })]
    [InlineData("Heinz Becker 98765", new[] { "heinz", "becker", "98765" })]
    [InlineData("a", new string[0])]
    public void Search_terms_are_words_and_one_number_fragment(string input, string[] expected)
    {
        SearchTerms.For(input).ShouldBe(expected);
    }

    [Fact]
    public void A_callers_search_text_holds_the_name_and_both_number_forms()
    {
        var caller = new Caller { Name = "Heinz Becker", Phones = ["+49631123456"] }.WithSearchText();

        caller.SearchText.ShouldBe("heinz becker 49631123456 0631123456");
    }
}
