using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Infrastructure.Validation;
using DigitaleHilfe.Web.Features.Callers;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Intake;

public sealed class LogCallTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Logging_a_call_starts_a_stream_with_the_request_and_the_consent_and_no_personal_data()
    {
        var result = await App.SendAsync(AppFixture.ValidCall());

        await using var session = App.QuerySession();
        var events = await session.Events.FetchStreamAsync(result.Id);
        events.Count.ShouldBe(2);
        var opened = events[0].Data.ShouldBeOfType<HelpRequestOpened>();
        opened.Number.ShouldBe(result.Number);
        opened.CallerId.ShouldBe(result.CallerId);
        opened.LoggedBy.ShouldBe("System");
        opened.LoggedAt.ShouldBe(AppFixture.Start);
        var consent = events[1].Data.ShouldBeOfType<ConsentRecorded>();
        consent.TextVersion.ShouldBe(ConsentText.Version(12));
        ConsentText.Of(consent.TextVersion)!.ShouldContain("12 Monate");
        var caller = (await session.LoadAsync<Caller>(result.CallerId)).ShouldNotBeNull();
        caller.Name.ShouldBe("Erika Mustermann");
        caller.Phones.ShouldBe(["+49631123456"]);
        foreach (var e in events) System.Text.Json.JsonSerializer.Serialize(e.Data).ShouldNotContain("Mustermann");
        result.Status.ShouldBe(RequestStatus.Open);
        result.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored()
    {
        var error = await Should.ThrowAsync<InputValidationException>(() => App.SendAsync(AppFixture.ValidCall() with { Consent = false }));

        error.Errors.Keys.ShouldBe(["Consent"]);
        await using var session = App.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
        (await session.Query<Caller>().CountAsync()).ShouldBe(0);
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
