using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Infrastructure.Email;
using DigitaleHilfe.Web.Infrastructure.Health;
using DigitaleHilfe.Web.Features.Accounts;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

public sealed class PlatformTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Live_health_answers_200_with_json()
    {
        var response = await App.CreateClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Ready_health_checks_postgres_smtp_and_the_background_work()
    {
        var response = await App.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        checks.ShouldBe(new Dictionary<string, string?> { ["postgres"] = "Healthy", ["smtp"] = "Healthy", ["background"] = "Healthy", ["node"] = "Healthy" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Pooled_connections_prepare_repeated_statements_plan_every_execution_for_its_values_and_probe_for_dead_peers()
    {
        var database = App.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("select current_setting('plan_cache_mode') || ' ' || current_setting('tcp_keepalives_idle')", connection);

        ((string?)await command.ExecuteScalarAsync()).ShouldBe("force_custom_plan 10");
        new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxAutoPrepare.ShouldBe(50);
    }

    [Fact]
    public async Task Ready_health_reports_the_daemon_and_the_job_servers_heartbeat()
    {
        // The test's reset pauses the daemon while the data goes; it runs again a moment later.
        JsonElement background = default;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var response = await App.CreateClient().GetAsync("/health/ready");
            background = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == "background");
            if (background.GetProperty("data").GetProperty("daemonRunningHere").GetBoolean()) break;
            await Task.Delay(200);
        }
        var data = background.GetProperty("data");
        data.GetProperty("daemonMode").GetString().ShouldBe("Solo"); // the test app runs the daemon by itself
        data.GetProperty("daemonRunningHere").GetBoolean().ShouldBeTrue();
        data.GetProperty("daemonLagEvents").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        data.GetProperty("jobServersAlive").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        background.GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("Rückstand");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999")]
    public void A_leadership_poll_outside_100_ms_to_a_minute_stops_the_start_with_the_reason(string milliseconds)
    {
        var node = App.Variant(("Marten:LeadershipPollingMilliseconds", milliseconds));

        var failure = Should.Throw<Exception>(() => node.Services);
        (failure.InnerException ?? failure).Message.ShouldContain("Marten:LeadershipPollingMilliseconds must be between 100 and 60000");
    }

    [Fact]
    public async Task A_stopping_node_is_not_ready_while_it_drains_but_still_alive()
    {
        var node = App.Variant();
        var client = node.CreateClient();
        node.Services.GetRequiredService<ShutdownDrain>().Begin();

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("fährt herunter");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_health_is_503_when_the_mail_server_is_down()
    {
        var noMail = App.Variant(("Smtp:Port", TestSmtpServer.FreePort().ToString()));

        var response = await noMail.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ist nicht erreichbar");
    }

    [Fact]
    public async Task The_email_sender_delivers_text_and_html_over_real_smtp()
    {
        var sender = App.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("helferin@example.org", "Neue Anfrage in Ihrer Nähe",
            "Hallo, es gibt eine neue Anfrage.", "<p>Hallo, es gibt eine <strong>neue</strong> Anfrage.</p>"));

        var mail = await App.Smtp.WaitForMessageAsync(m => m.Subject == "Neue Anfrage in Ihrer Nähe");
        mail.To.Mailboxes.Single().Address.ShouldBe("helferin@example.org");
        mail.From.Mailboxes.Single().Address.ShouldBe("digitale-hilfe@kaiserslautern.example");
        mail.TextBody.ShouldNotBeNull().ShouldContain("neue Anfrage");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("<strong>neue</strong>");
    }

    [Fact]
    public async Task Background_jobs_are_stored_in_the_hangfire_schema()
    {
        var jobId = App.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule(() => Console.WriteLine("Erinnerung"), TimeSpan.FromDays(1));

        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from hangfire.job where id = @id", connection);
        command.Parameters.AddWithValue("id", long.Parse(jobId));
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_a_csp_without_inline_script()
    {
        var response = await App.CreateClient().GetAsync("/Account/SignIn");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
    }

    [Theory]
    [InlineData(Role.Operator, "/Intake")]
    [InlineData(Role.Coordinator, "/Cockpit")]
    [InlineData(Role.Admin, "/Admin/Accounts")]
    [InlineData(Role.Volunteer, "/Board")]
    public async Task The_start_page_leads_each_role_to_its_work(Role role, string expected)
    {
        var response = await (await App.SignedInClientAsync(role)).GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(expected);
    }
}
