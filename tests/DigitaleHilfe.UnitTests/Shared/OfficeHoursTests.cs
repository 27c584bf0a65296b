using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.UnitTests.Shared;

public class OfficeHoursTests
{
    private static readonly OfficeHours Hours = OfficeHours.Default;

    // 2026-11-27 is a Friday.
    private static DateTimeOffset Berlin(int day, int hour, int minute = 0) => CityTime.FromLocal(new DateTime(2026, 11, day, hour, minute, 0));

    [Fact]
    public void Default_hours_are_monday_to_friday_nine_to_four()
    {
        Assert.Equal("Mo–Fr 9:00–16:00 Uhr", Hours.Describe());
        Assert.True(Hours.IsOpen(new DateTime(2026, 11, 27, 9, 0, 0)));
        Assert.True(Hours.IsOpen(new DateTime(2026, 11, 27, 15, 59, 0)));
        Assert.False(Hours.IsOpen(new DateTime(2026, 11, 27, 16, 0, 0)));
        Assert.False(Hours.IsOpen(new DateTime(2026, 11, 28, 10, 0, 0)));
    }

    [Fact]
    public void A_suggestion_late_at_night_moves_to_the_next_morning_not_to_1_38()
    {
        // The reported case: "nicht erreicht" at 23:38 suggested 01:38.
        Assert.Equal(Berlin(26, 9), Hours.Suggest(Berlin(25, 23, 38), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_suggestion_on_friday_afternoon_moves_to_monday_morning()
    {
        Assert.Equal(Berlin(30, 9), Hours.Suggest(Berlin(27, 15, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_suggestion_inside_the_hours_is_rounded_up_to_the_quarter_hour()
    {
        Assert.Equal(Berlin(27, 12, 15), Hours.Suggest(Berlin(27, 10, 7), TimeSpan.FromHours(2)));
        Assert.Equal(Berlin(27, 12, 0), Hours.Suggest(Berlin(27, 10, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Next_open_keeps_a_time_inside_the_hours_and_moves_an_early_one_to_opening()
    {
        Assert.Equal(Berlin(27, 11), Hours.NextOpen(Berlin(27, 11)));
        Assert.Equal(Berlin(27, 9), Hours.NextOpen(Berlin(27, 6, 30)));
        Assert.Equal(Berlin(30, 9), Hours.NextOpen(Berlin(28, 12)));
    }

    [Fact]
    public void Configured_days_merge_and_an_empty_day_is_closed()
    {
        var options = new OfficeHoursOptions();
        options.Days[DayOfWeek.Saturday] = "10:00-12:00";
        options.Days[DayOfWeek.Friday] = "";
        var hours = new OfficeHours(OfficeHours.Parse(options));
        Assert.Equal("Mo–Do 9:00–16:00 Uhr, Sa 10:00–12:00 Uhr", hours.Describe());
        Assert.Equal(Berlin(28, 10), hours.NextOpen(Berlin(27, 10)));
    }

    [Theory]
    [InlineData("16:00-09:00")]
    [InlineData("neun bis vier")]
    [InlineData("09:00")]
    public void Nonsense_hours_are_refused(string text)
    {
        var options = new OfficeHoursOptions();
        options.Days[DayOfWeek.Monday] = text;
        Assert.False(OfficeHours.TryParse(options, out _));
    }

    [Fact]
    public void No_hours_at_all_leave_times_alone()
    {
        var hours = new OfficeHours(new Dictionary<DayOfWeek, OpeningWindow>());
        Assert.Equal(Berlin(28, 3), hours.NextOpen(Berlin(28, 3)));
    }
}
