using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class SettingRangesTests
{
    private static IConfiguration Settings(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Marten:HighWaterPollingMilliseconds", value)]).Build();

    [Fact]
    public void An_unset_key_gives_the_fallback_and_a_value_in_range_is_taken()
    {
        Settings(null).GetInRange("Marten:HighWaterPollingMilliseconds", 1000, 50, 10_000).ShouldBe(1000);
        Settings("50").GetInRange("Marten:HighWaterPollingMilliseconds", 1000, 50, 10_000).ShouldBe(50);
    }

    [Theory]
    [InlineData("49")]
    [InlineData("10001")]
    [InlineData("-2147483648")]
    public void A_value_outside_the_range_names_the_key_the_range_and_the_value(string value)
    {
        Should.Throw<InvalidOperationException>(() => Settings(value).GetInRange("Marten:HighWaterPollingMilliseconds", 1000, 50, 10_000))
            .Message.ShouldBe($"Marten:HighWaterPollingMilliseconds must be between 50 and 10000 (is {value}).");
    }

    [Fact]
    public void A_value_that_is_no_number_stops_the_start_naming_the_key()
    {
        Should.Throw<InvalidOperationException>(() => Settings("schnell").GetInRange("Marten:HighWaterPollingMilliseconds", 1000, 50, 10_000))
            .Message.ShouldContain("Marten:HighWaterPollingMilliseconds");
    }
}
