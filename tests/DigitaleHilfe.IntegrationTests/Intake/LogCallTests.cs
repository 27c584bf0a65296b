using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Intake;

public sealed class LogCallTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Logging_a_call_starts_a_stream_with_one_HelpRequestLogged_event()
    {
        var result = await App.SendAsync(AppFixture.ValidCall());

        await using var session = App.QuerySession();
        var events = await session.Events.FetchStreamAsync(result.Id);
        events.Count.ShouldBe(1);
        var logged = events[0].Data.ShouldBeOfType<HelpRequestLogged>();
        logged.Number.ShouldBe(result.Number);
        logged.CallerName.ShouldBe("Erika Mustermann");
        logged.LoggedBy.ShouldBe("System");
        logged.LoggedAt.ShouldBe(AppFixture.Start);
        result.Status.ShouldBe(RequestStatus.Open);
        result.Version.ShouldBe(1);
    }

    [Fact]
    public async Task The_request_is_readable_right_after_the_call_is_logged()
    {
        var result = await App.SendAsync(AppFixture.ValidCall());

        await using var session = App.QuerySession();
        var request = await session.LoadAsync<HelpRequest>(result.Id);
        request.ShouldNotBeNull().Status.ShouldBe(RequestStatus.Open);
        request.Topic.ShouldBe("online-banking");
    }

    [Fact]
    public async Task Vorgangsnummern_count_up_within_the_year()
    {
        var first = await App.SendAsync(AppFixture.ValidCall());
        var second = await App.SendAsync(AppFixture.ValidCall("Heinz Becker"));

        first.Number.ShouldStartWith("2026-");
        Sequence(second.Number).ShouldBeGreaterThan(Sequence(first.Number));
    }

    [Fact]
    public async Task Simultaneous_calls_never_share_a_Vorgangsnummer()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => App.SendAsync(AppFixture.ValidCall($"Person {i}"))));

        results.Select(r => r.Number).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public async Task The_number_takes_its_year_from_Berlin_time()
    {
        // 23:30 UTC on New Year's Eve is already 00:30 on New Year's Day in Kaiserslautern.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        var result = await App.SendAsync(AppFixture.ValidCall());

        result.Number.ShouldStartWith("2027-");
    }

    [Fact]
    public async Task An_invalid_call_is_rejected_with_field_errors_and_nothing_is_stored()
    {
        var invalid = AppFixture.ValidCall() with { Topic = "kochen", Description = "" };

        var error = await Should.ThrowAsync<InputValidationException>(() => App.SendAsync(invalid));

        error.Errors.Keys.ShouldBe(["Topic", "Description"], ignoreOrder: true);
        await using var session = App.QuerySession();
        (await session.Query<HelpRequest>().CountAsync()).ShouldBe(0);
    }

    private static int Sequence(string number) => int.Parse(number.Split('-')[1]);
}
