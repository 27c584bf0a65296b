using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Search;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Callers;

public sealed class CallerTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Four_spellings_of_one_number_are_one_caller_whose_summary_lists_the_requests()
    {
        string[] spellings = ["0631 / 12 34 56", "+49 631 123456", "0049631123456", "(0631) 123456"];
        var topics = new[] { "smartphone", "tablet", "email", "online-banking" };
        for (var i = 0; i < spellings.Length; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(5));
            await App.SendAsync(AppFixture.ValidCall() with { Phone = spellings[i], Topic = topics[i] });
        }

        await using var session = App.QuerySession();
        (await session.Query<Caller>().CountAsync()).ShouldBe(1);
        foreach (var spelling in spellings)
        {
            var summary = (await App.SendAsync(new CallerSummary.ByPhone(spelling, "email"))).ShouldHaveSingleItem();
            summary.Caller.Name.ShouldBe("Erika Mustermann");
            summary.Open.Count.ShouldBe(4);
            summary.Open[0].Topic.ShouldBe("online-banking");
            summary.SameTopicOpen.ShouldNotBeNull().Topic.ShouldBe("email");
        }
    }

    [Fact]
    public async Task The_intake_form_shows_a_returning_caller_and_warns_about_an_open_request_on_the_same_topic()
    {
        var first = await App.SendAsync(AppFixture.ValidCall() with { Topic = "online-banking" });
        var client = await App.SignedInClientAsync(Role.Operator);

        var panel = await client.GetStringAsync("/Intake/Caller?phone=0631%2012%2034%2056&topic=online-banking");
        var page = await client.GetStringAsync("/Intake?Phone=%2B49631123456&Topic=online-banking");

        foreach (var html in new[] { panel, page })
        {
            html.ShouldContain("Erika Mustermann");
            html.ShouldContain($"Für diese Person gibt es bereits eine offene Anfrage zu Online-Banking ({first.Number})");
            html.ShouldContain($"value=\"{first.CallerId}\"");
        }
    }

    [Fact]
    public async Task A_returning_caller_picked_on_the_form_gets_the_new_request()
    {
        var first = await App.SendAsync(AppFixture.ValidCall());

        var second = await App.SendAsync(AppFixture.ValidCall("") with { CallerId = first.CallerId, Phone = "0631 123456", Topic = "tablet" });

        second.CallerId.ShouldBe(first.CallerId);
        await using var session = App.QuerySession();
        (await session.Query<Caller>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Search_finds_by_number_name_and_any_part_of_a_phone_number()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall("Heinz Becker") with { Phone = "0631 98765" });

        foreach (var term in new[] { logged.Number, "becker", "Heinz", "98765", "0631 987", "+49 631 98765" })
        {
            var result = await App.SendAsync(new SearchEverything.Query(term));
            result.Requests.Select(r => r.Id).ShouldContain(logged.Id, $"searching for {term}");
        }
        (await App.SendAsync(new SearchEverything.Query("Mustermann"))).Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_finds_a_six_digit_number_once_a_year_passes_ninety_nine_thousand_requests()
    {
        await App.SendAsync(AppFixture.ValidCall("Erste Anruferin"));   // the year's number sequence exists from here on
        await using (var connection = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("select setval('digitalehilfe.request_number_2026', 99999)", connection);
            await command.ExecuteNonQueryAsync();
        }
        var logged = await App.SendAsync(AppFixture.ValidCall("Heinz Becker") with { Phone = "0631 777777" });

        logged.Number.ShouldBe("2026-100000");
        (await App.SendAsync(new SearchEverything.Query("2026-100000"))).Requests.Select(r => r.Id).ShouldContain(logged.Id);
        (await App.SendAsync(new SearchEverything.Query("100000"))).Requests.Select(r => r.Id).ShouldContain(logged.Id);
    }

    [Fact]
    public async Task Merging_two_callers_moves_the_requests_and_records_it()
    {
        var kept = await App.SendAsync(AppFixture.ValidCall("Gertrud Schäfer") with { Phone = "0631 55501" });
        var duplicate = await App.SendAsync(AppFixture.ValidCall("Getrud Schäfer") with { Phone = "0171 1234567" });

        (await App.SendAsync(new MergeCallers.Command(kept.CallerId, duplicate.CallerId))).ShouldBeNull();

        await using var session = App.QuerySession();
        (await session.LoadAsync<HelpRequest>(duplicate.Id))!.CallerId.ShouldBe(kept.CallerId);
        var events = await session.Events.FetchStreamAsync(duplicate.Id);
        events[^1].Data.ShouldBeOfType<RequestMovedToCaller>().ToCallerId.ShouldBe(kept.CallerId);
        var survivor = (await session.LoadAsync<Caller>(kept.CallerId))!;
        survivor.Phones.ShouldBe(["+4963155501", "+491711234567"], ignoreOrder: true);
        (await App.SendAsync(new CallerSummary.ByPhone("0171 1234567"))).ShouldHaveSingleItem().Caller.Id.ShouldBe(kept.CallerId);
    }

    [Fact]
    public async Task An_operator_adds_information_from_a_second_call()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var client = await App.SignedInClientAsync(Role.Operator);

        var response = await FormPost.SubmitAsync(client, $"/HelpRequests/{logged.Id}",
            new Dictionary<string, string> { ["Text"] = "Die Tochter hat das Passwort gefunden." }, $"/HelpRequests/{logged.Id}/Details");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await App.SendAsync(new GetRequestDetails.Query(logged.Id));
        details!.Request.AddedDetails.ShouldBe(["Die Tochter hat das Passwort gefunden."]);
        details.Timeline[^1].By.ShouldBe("Test Operator");
    }

    [Fact]
    public async Task A_callback_not_reached_comes_back_at_the_new_time_and_overdue_ones_stand_out()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var client = await App.SignedInClientAsync(Role.Operator);
        await FormPost.SubmitAsync(client, $"/HelpRequests/{logged.Id}",
            new Dictionary<string, string> { ["DueLocal"] = "2026-11-26T09:30", ["Reason"] = "Termin abstimmen", ["ConfirmTime"] = "true" }, $"/HelpRequests/{logged.Id}/Callback");
        await using var read = App.QuerySession();
        var task = await read.Query<CallbackTask>().SingleAsync();
        task.DueAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero)); // Berlin is UTC+1 in November

        (await client.GetStringAsync("/Callbacks")).ShouldContain("status-overdue\">überfällig");

        await FormPost.SubmitAsync(client, "/Callbacks", new Dictionary<string, string>
        {
            ["Outcome"] = "NotReached", ["NextDueLocal"] = "2026-11-26T15:30",
        }, $"/Callbacks/{task.Id}/Complete");
        await using var afterFirst = App.QuerySession();
        var retried = (await afterFirst.LoadAsync<CallbackTask>(task.Id))!;
        retried.Done.ShouldBeFalse();
        retried.DueAt.ShouldBe(new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.Zero));
        (await client.GetStringAsync("/Callbacks")).ShouldNotContain("status-overdue\">überfällig");

        await FormPost.SubmitAsync(client, "/Callbacks", new Dictionary<string, string> { ["Outcome"] = "Reached" }, $"/Callbacks/{task.Id}/Complete");
        await using var afterSecond = App.QuerySession();
        (await afterSecond.LoadAsync<CallbackTask>(task.Id))!.Attempts.Select(a => a.Outcome).ShouldBe([CallbackOutcome.NotReached, CallbackOutcome.Reached]);
        (await client.GetStringAsync("/Callbacks")).ShouldContain("Keine offenen Rückrufe");
    }

    [Fact]
    public async Task The_phone_system_asks_who_calls_and_gets_a_screen_pop_link()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var api = await App.ApiClientAsync(Role.Operator);

        var callers = await api.GetFromJsonAsync<JsonElement>("/api/v1/callers?phone=0631%20123456");
        var incoming = await (await api.PostAsJsonAsync("/api/v1/calls/incoming", new { phone = "(0631) 123456" })).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await (await api.PostAsJsonAsync("/api/v1/calls/incoming", new { phone = "0631 999999" })).Content.ReadFromJsonAsync<JsonElement>();
        var bad = await api.GetAsync("/api/v1/callers?phone=123");

        callers[0].GetProperty("openRequests")[0].GetProperty("number").GetString().ShouldBe(logged.Number);
        incoming.GetProperty("callers")[0].GetProperty("name").GetString().ShouldBe("Erika Mustermann");
        incoming.GetProperty("intakeUrl").GetString().ShouldBe("http://digitalehilfe.test/Intake?Phone=%2B49631123456");
        unknown.GetProperty("callers").GetArrayLength().ShouldBe(0);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Vorwahl");
    }
}
