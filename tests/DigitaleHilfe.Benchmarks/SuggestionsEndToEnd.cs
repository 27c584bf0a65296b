using System.Diagnostics;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.Benchmarks;

// Suggestions for one request with the volunteer data read from PostgreSQL, through the mediator as
// the request page does it. Target: under 50 ms. Seeds its own database (DH_BENCH_CONNECTION).
public static class SuggestionsEndToEnd
{
    public static async Task RunAsync(int volunteers, int runs)
    {
        var connection = Environment.GetEnvironmentVariable("DH_BENCH_CONNECTION")
            ?? "Host=127.0.0.1;Port=5432;Database=digitalehilfe_bench;Username=digitalehilfe;Password=digitalehilfe";
        await using var app = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b => b
            .UseSolutionRelativeContentRoot("src/DigitaleHilfe.Web").UseEnvironment("Testing").UseSetting("ConnectionStrings:Postgres", connection)
            .UseSetting("Hangfire:Server:Enabled", "false").UseSetting("Matching:InviteTopN", "0"));
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.ResetAllData();

        var rng = new Random(42);
        string[] topics = ["smartphone", "tablet", "computer", "email", "online-banking"], districts = ["erfenbach", "siegelbach", "morlautern", "dansenberg"];
        await using (var session = store.LightweightSession(Towns.First))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < volunteers; i++)
            {
                var id = Guid.NewGuid();
                session.Store(new Account { Id = id, Email = $"v{i}@bench.example", Name = $"Helfer {i}", Roles = [Role.Volunteer], EmailConfirmed = true, ApprovedAt = now, CreatedAt = now });
                session.Events.Append(id, new VolunteerProfileUpdated(id, topics.Where(_ => rng.Next(2) == 0).ToList(), districts.Where(_ => rng.Next(2) == 0).ToList(),
                    ["de"], ["telefon", "hausbesuch"], 2, [], null, "bench", now));
            }
            await session.SaveChangesAsync();
        }

        Guid requestId;
        await using (var scope = app.Services.CreateAsyncScope())
            requestId = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LogCall.Command
            {
                Phone = "0631 123456", CallerName = "Bench", Topic = "online-banking", Description = "x", District = "erfenbach", HelpMode = "telefon", Consent = true,
            })).Id;

        var timings = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var stopwatch = Stopwatch.StartNew();
            var suggestions = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Suggestions.ForRequest(requestId));
            stopwatch.Stop();
            if (suggestions is not { Count: 5 }) throw new InvalidOperationException("expected five suggestions");
            if (i >= 5) timings.Add(stopwatch.Elapsed.TotalMilliseconds); // the first runs warm up JIT and connections
        }
        timings.Sort();
        Console.WriteLine($"Suggestions end to end, {volunteers} volunteers, {runs} runs: " +
                          $"median {timings[timings.Count / 2]:0.0} ms, p95 {timings[(int)(timings.Count * 0.95)]:0.0} ms, max {timings[^1]:0.0} ms");
    }
}
