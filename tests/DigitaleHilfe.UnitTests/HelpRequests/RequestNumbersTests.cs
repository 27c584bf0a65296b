using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.UnitTests.HelpRequests;

public sealed class RequestNumbersTests
{
    [Theory]
    [InlineData(2026, 42, "2026-0042")]
    [InlineData(2026, 1, "2026-0001")]
    [InlineData(2027, 12345, "2027-12345")]
    public void A_Vorgangsnummer_is_the_year_and_a_four_digit_counter(int year, int sequence, string expected)
    {
        RequestNumbers.Format(year, sequence).ShouldBe(expected);
    }

    [Fact]
    public void Berlin_time_decides_the_year_around_midnight_on_New_Years_Eve()
    {
        CityTime.Local(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero)).Year.ShouldBe(2026);
        CityTime.Local(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)).Year.ShouldBe(2027);
    }

    [Fact]
    public void Times_are_shown_in_German_local_time()
    {
        CityTime.Format(new DateTimeOffset(2026, 7, 1, 8, 5, 0, TimeSpan.Zero)).ShouldBe("01.07.2026, 10:05 Uhr");
    }
}
