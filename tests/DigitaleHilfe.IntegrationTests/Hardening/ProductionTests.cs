using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Pen test, low: production over plain HTTP answered 500 on every page with a form; retried intakes
// created duplicates.
public sealed class ProductionTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Lazy<string> KeyRingCertificate = new(() => TestCertificate.CreatePfx("keyring"));

    private WebApplicationFactory<Program> Production() => App.Track(App.Variant(
            ("DataProtection:Certificate:Path", KeyRingCertificate.Value), ("DataProtection:Certificate:Password", TestCertificate.Password))
        .WithWebHostBuilder(b => b.UseEnvironment("Production")));

    [Fact]
    public async Task Production_over_plain_http_answers_a_clear_400_page_and_health_still_answers()
    {
        var http = Production().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://digitalehilfe.test"), AllowAutoRedirect = false });

        foreach (var path in new[] { "/Account/SignIn", "/gibt-es-nicht" })
        {
            var response = await http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("nur über HTTPS erreichbar");
        }
        (await http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Production_logs_json_lines_with_the_request_scope()
    {
        var services = Production().Services;

        services.GetServices<ILoggerProvider>().ShouldContain(p => p is ConsoleLoggerProvider);
        services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        var json = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        json.IncludeScopes.ShouldBeTrue("the scopes carry RequestId and TraceId");
        json.UseUtcTimestamp.ShouldBeTrue();
    }

    [Fact]
    public async Task Production_over_https_serves_the_sign_in_page_with_hsts()
    {
        var https = Production().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://digitalehilfe.test"), AllowAutoRedirect = false });

        var response = await https.GetAsync("/Account/SignIn");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
    }

    [Fact]
    public async Task An_intake_resent_with_the_same_idempotency_key_returns_the_first_answer_and_logs_one_request()
    {
        var api = await App.ApiClientAsync(Role.Operator);
        HttpRequestMessage Send() => new(HttpMethod.Post, "/api/v1/help-requests")
        {
            Headers = { { "Idempotency-Key", "anruf-4711" } },
            Content = JsonContent.Create(new
            {
                callerName = "Erika Mustermann", phone = "0631 123456", topic = "tablet", description = "Hilfe", district = "erfenbach",
                helpMode = "telefon", consent = true,
            }),
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.SendAsync(Send())));
        var again = await api.SendAsync(Send());

        answers.Append(again).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(answers.Append(again).Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()));
        ids.Distinct().Count().ShouldBe(1);
        await using var session = App.QuerySession();
        (await session.Query<HelpRequest>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_intake_form_submitted_twice_logs_the_call_once()
    {
        var operatorClient = await App.SignedInClientAsync(Role.Operator);
        var fields = new Dictionary<string, string>
        {
            ["Phone"] = "0631 123456", ["CallerName"] = "Erika Mustermann", ["Topic"] = "tablet", ["Description"] = "Hilfe beim Tablet",
            ["District"] = "erfenbach", ["HelpMode"] = "telefon", ["Consent"] = "true", ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
        };

        var first = await FormPost.SubmitAsync(operatorClient, "/Intake", fields);
        var second = await FormPost.SubmitAsync(operatorClient, "/Intake", fields);

        first.Headers.Location.ShouldBe(second.Headers.Location);
        await using var session = App.QuerySession();
        (await session.Query<HelpRequest>().CountAsync()).ShouldBe(1);
        (await operatorClient.GetStringAsync("/Intake")).ShouldContain("name=\"IdempotencyKey\"");
    }
}
