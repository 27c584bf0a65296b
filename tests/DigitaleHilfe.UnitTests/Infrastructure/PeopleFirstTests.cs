using Microsoft.Extensions.Configuration;
using System.Diagnostics;
using DigitaleHilfe.Web.Infrastructure.Background;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class PeopleFirstTests
{
    [Fact]
    public async Task With_nobody_waiting_the_background_goes_on_at_once()
    {
        var people = new PeopleFirst(TimeSpan.FromSeconds(5));

        var waited = await people.GiveWayAsync();

        waited.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_background_waits_until_the_request_in_progress_is_answered()
    {
        var people = new PeopleFirst(TimeSpan.FromSeconds(5));
        var request = people.Begin();
        _ = Task.Delay(60).ContinueWith(_ => request.Dispose());

        var waited = await people.GiveWayAsync();

        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50));
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        people.InProgress.ShouldBe(0);
    }

    [Fact]
    public async Task Under_a_steady_stream_of_requests_the_background_waits_only_its_limit()
    {
        var people = new PeopleFirst(TimeSpan.FromMilliseconds(80));
        using var busy = people.Begin();
        var clock = Stopwatch.StartNew();

        await people.GiveWayAsync();

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(75));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_limit_of_zero_switches_giving_way_off()
    {
        var people = new PeopleFirst(TimeSpan.Zero);
        using var busy = people.Begin();

        (await people.GiveWayAsync()).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once()
    {
        var people = new PeopleFirst(TimeSpan.FromSeconds(30));
        using var busy = people.Begin();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        var waited = await people.GiveWayAsync(cancel.Token);

        waited.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("/api/v1/help-requests", 1)]
    [InlineData("/Intake", 1)]
    [InlineData("/health/ready", 0)]
    [InlineData("/metrics", 0)]
    public async Task Requests_count_as_people_waiting_but_probes_and_scrapes_do_not(string path, int counted)
    {
        var people = new PeopleFirst(TimeSpan.FromSeconds(1));
        var services = new ServiceCollection().AddSingleton(people).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        var seen = -1;
        app.UsePeopleFirst();
        app.Run(_ =>
        {
            seen = people.InProgress;
            return Task.CompletedTask;
        });

        await app.Build()(new DefaultHttpContext { Request = { Path = path } });

        seen.ShouldBe(counted);
        people.InProgress.ShouldBe(0);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:00:11")]
    [InlineData("10.00:00:00")]
    public void A_wait_limit_outside_zero_to_ten_seconds_stops_the_start_with_the_reason(string value)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection([new("Background:GiveWayUpTo", value)]).Build();

        Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddPeopleFirst(configuration))
            .Message.ShouldContain("Background:GiveWayUpTo");
    }
}
