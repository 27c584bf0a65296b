using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class BackgroundJobsSetupTests
{
    private static IConfiguration Settings(string? invisibility) => new ConfigurationBuilder().AddInMemoryCollection(
    [
        new("ConnectionStrings:Postgres", "Host=127.0.0.1;Database=x;Username=x;Password=x"), new("Hangfire:InvisibilityTimeout", invisibility),
    ]).Build();

    [Theory]
    [InlineData("00:00:05")]
    [InlineData("02:00:00")]
    public void A_job_lease_outside_half_a_minute_to_an_hour_stops_the_start_with_the_reason(string value)
    {
        Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddBackgroundJobs(Settings(value)))
            .Message.ShouldContain("Hangfire:InvisibilityTimeout");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00:05:00")]
    public void The_default_lease_and_one_in_range_are_taken(string? value)
    {
        Should.NotThrow(() => new ServiceCollection().AddBackgroundJobs(Settings(value)));
    }
}
