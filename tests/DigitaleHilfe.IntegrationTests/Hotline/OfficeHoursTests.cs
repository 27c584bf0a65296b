using System.Net;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Shared;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Hotline;

// The hotline calls back while it is staffed (OfficeHours, default Mon–Fri 9–16 Berlin time).
public sealed partial class OfficeHoursTests(AppFixture app) : ReminderTest(app)
{
    private async Task<IReadOnlyList<CallbackTask>> TasksAsync()
    {
        await using var session = App.QuerySession();
        return await session.Query<CallbackTask>().ToListAsync();
    }

    private static DateTimeOffset Suggested(string html, string id) =>
        CityTime.FromLocal(DateTime.Parse(Regex.Match(html, $"id=\"{id}\"[^>]*value=\"([^\"]+)\"").Groups[1].Value));

    [Fact]
    public async Task A_callback_at_night_needs_an_explicit_confirmation_and_then_is_planned()
    {
        var request = await LogCallAsync();
        var client = await App.SignedInClientAsync(Role.Operator);
        var fields = new Dictionary<string, string> { ["DueLocal"] = "2026-11-27T01:38", ["Reason"] = "Termin abstimmen" };

        var refused = await FormPost.SubmitAsync(client, $"/HelpRequests/{request}", fields, $"/HelpRequests/{request}/Callback");
        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("außerhalb der Sprechzeiten der Hotline (Mo–Fr 9:00–16:00 Uhr)");
        html.ShouldContain("name=\"ConfirmTime\"");
        html.ShouldContain("value=\"2026-11-27T01:38\"");
        (await TasksAsync()).ShouldBeEmpty();

        var confirmed = await FormPost.SubmitAsync(client, $"/HelpRequests/{request}",
            new Dictionary<string, string>(fields) { ["ConfirmTime"] = "true" }, $"/HelpRequests/{request}/Callback");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TasksAsync()).ShouldHaveSingleItem().DueAt.ShouldBe(CityTime.FromLocal(new DateTime(2026, 11, 27, 1, 38, 0)));
    }

    [Fact]
    public async Task A_callback_in_the_past_needs_an_explicit_confirmation()
    {
        var request = await LogCallAsync();
        var client = await App.SignedInClientAsync(Role.Operator);
        var refused = await FormPost.SubmitAsync(client, $"/HelpRequests/{request}",
            new Dictionary<string, string> { ["DueLocal"] = "2026-11-25T10:00", ["Reason"] = "Nachfragen" }, $"/HelpRequests/{request}/Callback");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Diese Zeit liegt in der Vergangenheit.");
        (await TasksAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_suggested_times_fall_inside_office_hours_even_late_in_the_evening()
    {
        var request = await LogCallAsync();
        await App.SendAsync(new Web.Features.Callbacks.Callbacks.Plan
        {
            RequestId = request, DueLocal = new DateTime(2026, 11, 26, 15, 0, 0), Reason = "Termin abstimmen",
        });
        // Thursday 23:38 in Berlin: two hours later would be 01:38 at night.
        App.Clock.SetUtcNow(CityTime.FromLocal(new DateTime(2026, 11, 26, 23, 38, 0)));
        var client = await App.SignedInClientAsync(Role.Operator);

        var details = await client.GetStringAsync($"/HelpRequests/{request}");
        Suggested(details, "DueLocal").ShouldBe(CityTime.FromLocal(new DateTime(2026, 11, 27, 9, 0, 0)));
        var list = await client.GetStringAsync("/Callbacks");
        var task = (await TasksAsync()).ShouldHaveSingleItem();
        Suggested(list, $"next-{task.Id}").ShouldBe(CityTime.FromLocal(new DateTime(2026, 11, 27, 9, 0, 0)));
        list.ShouldContain("Sprechzeiten der Hotline: Mo–Fr 9:00–16:00 Uhr");
    }

    [Fact]
    public async Task Not_reached_with_a_new_time_at_night_shows_the_error_on_the_card_and_keeps_the_task_unchanged()
    {
        var request = await LogCallAsync();
        var taskId = (await App.SendAsync(new Web.Features.Callbacks.Callbacks.Plan
        {
            RequestId = request, DueLocal = new DateTime(2026, 11, 26, 15, 0, 0), Reason = "Termin abstimmen",
        }))!.Value;
        var client = await App.SignedInClientAsync(Role.Operator);
        var fields = new Dictionary<string, string> { ["Outcome"] = "NotReached", ["NextDueLocal"] = "2026-11-28T11:00" };

        var refused = await FormPost.SubmitAsync(client, "/Callbacks", fields, $"/Callbacks/{taskId}/Complete");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("außerhalb der Sprechzeiten");
        html.ShouldContain("name=\"ConfirmTime\"");
        (await TasksAsync()).ShouldHaveSingleItem().Attempts.ShouldBeEmpty();

        var saturday = await FormPost.SubmitAsync(client, "/Callbacks", new Dictionary<string, string>(fields) { ["ConfirmTime"] = "true" },
            $"/Callbacks/{taskId}/Complete");
        saturday.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TasksAsync()).ShouldHaveSingleItem().DueAt.ShouldBe(CityTime.FromLocal(new DateTime(2026, 11, 28, 11, 0, 0)));
    }

    [Fact]
    public async Task A_follow_up_call_that_falls_due_at_night_is_planned_for_the_next_opening()
    {
        var (volunteer, request) = await ClaimedAsync();
        // Resolved on Thursday at 21:00 Berlin time; the follow-up is due a week later at the same hour.
        var evening = CityTime.FromLocal(new DateTime(2026, 11, 26, 21, 0, 0));
        App.Clock.SetUtcNow(evening);
        await StepAsync(volunteer, request, "resolve", new { outcome = "Solved", minutesSpent = 60 });
        await SettleAsync();

        await AtAsync(evening.AddDays(7).AddMinutes(5));

        var task = (await TasksAsync()).ShouldHaveSingleItem();
        task.IsFollowUp.ShouldBeTrue();
        task.DueAt.ShouldBe(CityTime.FromLocal(new DateTime(2026, 12, 4, 9, 0, 0)));
    }
}
