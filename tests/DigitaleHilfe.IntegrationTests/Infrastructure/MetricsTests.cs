using System.Globalization;
using System.Net;
using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

public sealed class MetricsTests(AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task Metrics_are_refused_to_anyone_but_an_admin_or_a_listed_scraper()
    {
        (await App.CreateClient().GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await App.ApiClientAsync(Role.Coordinator)).GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await App.SignedInClientAsync(Role.Operator)).GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_signed_in_admin_may_read_the_metrics_in_the_browser()
    {
        var response = await (await App.SignedInClientAsync(Role.Admin)).GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("digitalehilfe_oldest_unclaimed_request_age_seconds");
    }

    [Fact]
    public async Task After_a_journey_the_scrape_holds_the_services_figures()
    {
        // The senior's address is refused by the mail server: the appointment's confirmation is undeliverable.
        var (volunteer, request) = await ClaimedAsync($"{TestSmtpServer.RefusedMarker}@example.org");
        await ScheduleAsync(volunteer, request, AppFixture.Start.AddHours(2));
        await LogCallAsync(); // nobody claims this one
        await SettleAsync();
        App.Clock.SetUtcNow(AppFixture.Start.AddHours(3));
        await StepAsync(volunteer, request, "resolve", new { outcome = "Solved", minutesSpent = 30 });
        await SettleAsync();
        App.Services.GetRequiredService<QueueReadings>().Refresh();

        var response = await (await App.ApiClientAsync(Role.Admin)).GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var metrics = Parse(await response.Content.ReadAsStringAsync());
        metrics["digitalehilfe_requests_logged_total"].ShouldBeGreaterThanOrEqualTo(2);
        metrics["digitalehilfe_requests_claimed_total"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["digitalehilfe_requests_resolved_total"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["digitalehilfe_reminders_planned_total"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["digitalehilfe_reminders_sent_total"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["digitalehilfe_reminders_undeliverable_total"].ShouldBeGreaterThanOrEqualTo(1);
        // The unclaimed request was logged at the test clock's start, three hours ago.
        metrics["digitalehilfe_oldest_unclaimed_request_age_seconds"].ShouldBe(3 * 3600);
        metrics["digitalehilfe_daemon_lag_events"].ShouldBeInRange(0, 50);
        metrics["digitalehilfe_hangfire_enqueued_jobs"].ShouldBeGreaterThanOrEqualTo(0);
        metrics["digitalehilfe_hangfire_servers_alive"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["digitalehilfe_background_gave_way_seconds_total"].ShouldBeGreaterThanOrEqualTo(0);
        metrics["digitalehilfe_smtp_send_duration_seconds_count"].ShouldBeGreaterThanOrEqualTo(1);
        metrics["http_server_request_duration_seconds_count"].ShouldBeGreaterThanOrEqualTo(1);
    }

    // Prometheus' text format: "name{labels} value"; values of one name added up over its labels.
    private static Dictionary<string, double> Parse(string text)
    {
        var values = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var name = line[..line.IndexOfAny(['{', ' '])];
            var value = line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0];
            values[name] = values.GetValueOrDefault(name) + double.Parse(value, CultureInfo.InvariantCulture);
        }
        return values;
    }
}
