using DigitaleHilfe.Web.Features.Reminders;
using System.Net;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed partial class FollowUpTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;

    private async Task<Guid> ResolvedRequestAsync(string? callerEmail = null)
    {
        var (volunteer, request) = await ClaimedAsync(callerEmail);
        App.Clock.SetUtcNow(Start.AddHours(1));
        await StepAsync(volunteer, request, "resolve", new { outcome = "Solved", minutesSpent = 60 });
        await SettleAsync();
        return request;
    }

    private async Task<IReadOnlyList<CallbackTask>> FollowUpCallsAsync(Guid request)
    {
        await using var session = App.QuerySession();
        return await session.Query<CallbackTask>().Where(t => t.RequestId == request && t.IsFollowUp).ToListAsync();
    }

    [Fact]
    public async Task Without_an_email_address_the_follow_up_is_a_callback_task_for_the_hotline_seven_days_later()
    {
        var request = await ResolvedRequestAsync();

        await AtAsync(Start.AddDays(7).AddHours(1).AddMinutes(-1));
        (await FollowUpCallsAsync(request)).ShouldBeEmpty();

        await AtAsync(Start.AddDays(7).AddHours(1));
        await AtAsync(Start.AddDays(8));

        var task = (await FollowUpCallsAsync(request)).ShouldHaveSingleItem();
        task.Reason.ShouldBe("Nachfrage: Hat alles geklappt?");
        task.Done.ShouldBeFalse();
        MailsAbout("Hat alles geklappt").ShouldBeEmpty();

        var operatorClient = await App.SignedInClientAsync(Web.Features.Accounts.Role.Operator);
        (await operatorClient.GetStringAsync("/Callbacks")).ShouldContain("Braucht noch Hilfe");
        var answered = await FormPost.SubmitAsync(operatorClient, "/Callbacks", new Dictionary<string, string>
        {
            ["Outcome"] = "Reached", ["AllGood"] = "true", ["Note"] = "Sehr zufrieden",
        }, postUrl: $"/Callbacks/{task.Id}/Complete");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var state = await RequestAsync(request);
        state.FollowUpAllGood.ShouldBe(true);
        await AtAsync(Start.AddDays(20));
        (await FollowUpCallsAsync(request)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_an_email_address_the_senior_answers_by_link_once_and_a_call_is_planned_when_help_is_still_needed()
    {
        var request = await ResolvedRequestAsync("erika@example.org");

        await AtAsync(Start.AddDays(7).AddHours(1));

        var mail = MailsAbout("Hat alles geklappt").ShouldHaveSingleItem();
        mail.To.ToString().ShouldContain("erika@example.org");
        (await FollowUpCallsAsync(request)).ShouldBeEmpty();
        var path = new Uri(LinkPattern().Match(mail.TextBody!).Value).PathAndQuery;
        var senior = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await senior.GetStringAsync(path)).ShouldContain("Hat alles geklappt?");

        var empty = await FormPost.SubmitAsync(senior, path, new Dictionary<string, string>());
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Bitte wählen Sie eine Antwort.");
        var answer = await FormPost.SubmitAsync(senior, path, new Dictionary<string, string>
        {
            ["AllGood"] = "false", ["Comment"] = "Der Drucker geht noch nicht",
        });
        (await answer.Content.ReadAsStringAsync()).ShouldContain("Vielen Dank für Ihre Antwort");
        (await senior.GetStringAsync(path)).ShouldContain("Link nicht mehr gültig");

        await using var session = App.QuerySession();
        var answered = (await session.Events.FetchStreamAsync(request)).Select(e => e.Data).OfType<FollowUpAnswered>().ShouldHaveSingleItem();
        answered.AllGood.ShouldBeFalse();
        answered.Comment.ShouldBe("Der Drucker geht noch nicht");
        (await session.Query<CallbackTask>().Where(t => t.RequestId == request).ToListAsync()).ShouldHaveSingleItem().Reason.ShouldContain("Drucker");
    }

    [Fact]
    public async Task Nonsense_on_the_answer_page_gets_field_errors_and_records_nothing()
    {
        var request = await ResolvedRequestAsync("erika@example.org");
        await AtAsync(Start.AddDays(7).AddHours(1));
        var path = new Uri(LinkPattern().Match(MailsAbout("Hat alles geklappt").Single().TextBody!).Value).PathAndQuery;
        var senior = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var bad = await FormPost.SubmitAsync(senior, path, new Dictionary<string, string>
        {
            ["AllGood"] = "vielleicht", ["Comment"] = new string('x', 300),
        });
        var unknown = await senior.GetStringAsync("/Nachfrage/" + new string('a', 500));

        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await bad.Content.ReadAsStringAsync();
        html.ShouldContain("Bitte prüfen Sie Ihre Eingaben");
        html.ShouldContain("höchstens 200 Zeichen");
        unknown.ShouldContain("Link nicht mehr gültig");
        (await senior.GetStringAsync(path)).ShouldContain("Hat alles geklappt?");   // the link still works
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request)).ShouldNotContain(e => e.Data is FollowUpAnswered);
    }

    [Fact]
    public async Task Six_simultaneous_answers_record_one_and_tell_the_others_it_is_already_answered()
    {
        var request = await ResolvedRequestAsync("erika@example.org");
        await AtAsync(Start.AddDays(7).AddHours(1));
        var path = new Uri(LinkPattern().Match(MailsAbout("Hat alles geklappt").Single().TextBody!).Value).PathAndQuery;
        var senior = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await senior.GetStringAsync(path);
        var token = System.Net.WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => senior.PostAsync(path, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["AllGood"] = "true", ["__RequestVerificationToken"] = token }))));

        responses.ShouldAllBe(r => r.StatusCode == System.Net.HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Count(b => b.Contains("Vielen Dank für Ihre Antwort")).ShouldBe(1);
        bodies.Count(b => b.Contains("bereits vor") || b.Contains("Link nicht mehr gültig")).ShouldBe(5);
        await using var session = App.QuerySession();
        (await session.Events.FetchStreamAsync(request)).Count(e => e.Data is FollowUpAnswered).ShouldBe(1);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();

    [GeneratedRegex(@"http://digitalehilfe\.test/Nachfrage/\S+")]
    private static partial Regex LinkPattern();
}
