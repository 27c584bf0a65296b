using DigitaleHilfe.Web.Features.Monitoring;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace DigitaleHilfe.LoadTests;

// The issue's table, scenario by scenario, against a running app (scripts/load.sh starts a Release build).
public sealed partial class Scenarios(Uri url, State state, TimeSpan duration, string pgbenchDatabase, MailSink? mails, string connection)
{
    private const int PageSize = 25;
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    private readonly Random _random = new(7);

    public async Task<List<Result>> RunAsync(string[] only)
    {
        bool Wanted(string group) => only.Length == 0 || only.Contains(group);
        var results = new List<Result>();
        var coordinator = await SignInAsync(Seeder.Coordinator);
        var volunteer = await SignInAsync(Seeder.Volunteer);
        var lastOpenPage = Math.Max(1, (state.OpenCount + PageSize - 1) / PageSize);
        var lastPage = Math.Max(1, (state.TotalCount + PageSize - 1) / PageSize);

        // "cost" alone: only what one intake costs the database, without the warm-up and the timed scenarios (a minute
        // or two; the counts do not depend on the JIT).
        var costOnly = Wanted("cost") && !Wanted("intake");
        if (Wanted("intake") || costOnly)
        {
            // A server that has run for a while: .NET's tiered JIT reaches its optimised code only after some ten
            // thousand intakes (eight clients went from 500 to 1,150/s over the first 40 s). Then the background
            // sends what the warm-up caused before anything is measured.
            var warmUp = await Measure.ClosedLoopAsync(8, TimeSpan.FromSeconds(costOnly ? 2 : 30), i => Intake(700_000 + i));
            // Not one intake got through (a key from another seed answers 401): nothing after this would mean anything.
            if (warmUp.Latencies.Count == 0)
                throw new InvalidOperationException($"No intake succeeded in the warm-up ({warmUp.FirstFailure}); reseed with RESEED=1 if the seed's keys are stale.");
            Console.Error.WriteLine($"  Warm-up: {warmUp.Latencies.Count} intakes; waiting for their reminders ...");
            await SettleAsync();
            // First, while the app is quiet: what one intake costs the database, its background work included.
            await Task.Delay(TimeSpan.FromSeconds(20));
            var (commits, statements, intakes) = await new IntakeCost(connection).MeasureAsync(100, i => Intake(500_000 + i));
            Console.Error.WriteLine($"  Cost of one intake: {commits:0.0} commits, {statements?.ToString("0") ?? "n/a"} statements");
            results.Add(new Result("Database work per intake, background included", $"{intakes} intakes at 10/s, idle polling subtracted", intakes, 0,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, "an order of magnitude less background", null)
            {
                FailedNote = $"{commits:0.0} commits and {(statements is { } st ? $"{st:0} statements" : "statements n/a (pg_stat_statements not loaded)")} per intake",
            });
            if (!costOnly)
            {
                var mailsFrom = mails?.Now ?? TimeSpan.Zero;
                results.Add(await OpenAsync("Intake `POST /api/v1/help-requests`", 50, i => Intake(i), "p99 ≤ 25 ms", r => r.P99 <= 25,
                    new ServerTimes(_client, "POST", "api/v1/help-requests"), 25));
                var closed = await ClosedAsync("Intake, 8 clients, as many as it takes", 8, i => Intake(100_000 + i));
                var pgbench = await PgbenchAsync(8);
                results.Add(closed with
                {
                    Load = $"8 clients; pgbench -N -c 8: {pgbench:N0} tps",
                    Target = "≥ 30 % of pgbench",
                    Met = pgbench > 0 ? closed.PerSecond / pgbench >= 0.30 : null,
                    FailedNote = pgbench > 0 ? $"{closed.PerSecond / pgbench:P1} of pgbench" : "pgbench not run",
                });
                if (mails is not null) results.Add(await MailsAsync(mails, mailsFrom));
            }
        }
        if (Wanted("lists"))
        {
            results.Add(await OpenAsync("API list, Open, page 1", 20, _ => Api($"/api/v1/help-requests?status=Open&page=1", state.CoordinatorKey), "p95 ≤ 50 ms", r => r.P95 <= 50));
            results.Add(await OpenAsync($"API list, Open, page {lastOpenPage} (last)", 20, _ => Api($"/api/v1/help-requests?status=Open&page={lastOpenPage}", state.CoordinatorKey), "p95 ≤ 100 ms", r => r.P95 <= 100));
            results.Add(await OpenAsync($"API list, all, page {lastPage / 2}", 20, _ => Api($"/api/v1/help-requests?page={lastPage / 2}", state.CoordinatorKey), "p95 ≤ 100 ms", r => r.P95 <= 100));
            results.Add(await OpenAsync("List page `/HelpRequests?status=Open`", 20, _ => Page("/HelpRequests?status=Open", coordinator), "p95 ≤ 50 ms", r => r.P95 <= 50));
            results.Add(await OpenAsync($"List page, all, page {lastPage / 2}", 20, _ => Page($"/HelpRequests?page={lastPage / 2}", coordinator), "p95 ≤ 100 ms", r => r.P95 <= 100));
        }
        if (Wanted("board"))
            results.Add(await OpenAsync("Board `/Board` (volunteer)", 20, _ => Page("/Board", volunteer), "p95 ≤ 50 ms", r => r.P95 <= 50));
        if (Wanted("request"))
            results.Add(await OpenAsync("One request's JSON", 20, i => Api($"/api/v1/help-requests/{state.AnyRequests[i % state.AnyRequests.Count]}", state.CoordinatorKey),
                "p95 ≤ 20 ms", r => r.P95 <= 20));
        if (Wanted("search"))
        {
            string[] names = ["Becker", "Hoffmann", "Erika Schulz", "Richter", "Werner"];
            results.Add(await OpenAsync("Search by name", 10, i => Page($"/Search?q={Uri.EscapeDataString(names[i % names.Length])}", coordinator), "p95 ≤ 100 ms", r => r.P95 <= 100));
            results.Add(await OpenAsync("Search by part of a phone number", 10, i => Page($"/Search?q={1_000_000 + i * 37 % 50_000}", coordinator), "p95 ≤ 100 ms", r => r.P95 <= 100));
        }
        if (Wanted("suggestions"))
            results.Add(await OpenAsync("Suggestions for one request", 10, i => Api($"/api/v1/help-requests/{state.OpenRequests[i % state.OpenRequests.Count]}/suggestions", state.CoordinatorKey),
                "p95 ≤ 50 ms", r => r.P95 <= 50));
        return results;
    }

    // The invitations the intake scenarios caused, counted at the SMTP server once every reminder due is handled
    // (or nothing moved for a minute; at most five minutes).
    private async Task<Result> MailsAsync(MailSink mails, TimeSpan from)
    {
        await SettleAsync();
        var (count, duplicates, peak, average) = mails.Since(from);
        var left = await DueRemindersAsync();
        Console.Error.WriteLine($"  Mails: {count} arrived, {duplicates} twice, over {mails.Sessions} SMTP sessions; {left} reminders still due");
        return new Result("Invitation mails to a local SMTP server", $"{count} mails, {mails.Sessions} SMTP sessions, {left} still due at the end", count, duplicates,
            double.NaN, double.NaN, double.NaN, double.NaN, peak, "≥ 200 mails/s, each once", duplicates == 0 && peak >= 200)
        {
            FailedNote = $"peak {peak:0}/s over one second, {average:0}/s on average; failed = arrived twice",
        };
    }

    // Until no reminder is due any more, or nothing moved for a minute; at most five minutes.
    private async Task SettleAsync()
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        var (lastDue, lastMails, lastMove) = (-1L, -1, DateTime.UtcNow);
        while (DateTime.UtcNow < until && DateTime.UtcNow - lastMove < TimeSpan.FromMinutes(1))
        {
            var due = await BacklogAsync();
            if (due == 0) return;
            if (due != lastDue || mails?.Count != lastMails) (lastDue, lastMails, lastMove) = (due, mails?.Count ?? 0, DateTime.UtcNow);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private async Task<long> DueRemindersAsync()
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from digitalehilfe.mt_doc_plannedreminder where (data ->> 'DueAt')::timestamptz <= now()", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // What the background still has to do: reminders due, jobs waiting or running, events the daemon has not
    // projected. Waiting only for the reminders left the warm-up's jobs and projections running into the next
    // measurement (a fresh seed counted 232 statements per intake instead of some 40).
    private async Task<long> BacklogAsync()
    {
        await using var db = new Npgsql.NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select (select count(*) from digitalehilfe.mt_doc_plannedreminder where (data ->> 'DueAt')::timestamptz <= now()) " +
            "+ (select count(*) from hangfire.job where statename in ('Processing', 'Enqueued')) " +
            $"+ ({QueueReadings.DaemonLagSql("digitalehilfe")})", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<HttpResponseMessage> Intake(int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/help-requests")
        {
            // Two in three callers are new; the others call again (a known number from the seed).
            Content = JsonContent.Create(new
            {
                callerName = $"Lasttest Anruferin {i}", phone = i % 3 == 0 ? $"+49631{1_000_000 + i % 50_000}" : $"0171 {2_000_000 + i}",
                topic = "smartphone", description = "Das Smartphone zeigt eine Meldung, die ich nicht verstehe.", district = "innenstadt-ost",
                helpMode = "telefon", consent = true,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.OperatorKey);
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Api(string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> Page(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return _client.SendAsync(request);
    }

    // With server, the note also says how late the load tool sent its requests and what share the app itself
    // answered within the target (see ServerTimes).
    private async Task<Result> OpenAsync(string name, double rate, Func<int, Task<HttpResponseMessage>> send, string target, Func<Result, bool> met,
        ServerTimes? server = null, double within = 0)
    {
        for (var i = 0; i < 10; i++) (await send(i)).Dispose(); // warm-up: JIT, connections, plans
        var late = server is null ? null : new System.Collections.Concurrent.ConcurrentBag<double>();
        var before = server is null ? null : await server.ReadAsync();
        var (latencies, failed, failure, seconds) = await Measure.OpenLoopAsync(rate, duration, send, late);
        var result = Summarise(name, $"{rate:0}/s open loop, {duration.TotalSeconds:0} s", latencies, failed, failure, seconds, target);
        result = result with { Met = failed == 0 && met(result) };
        if (server is null || before is null || late is null) return result;
        var sorted = late.Order().ToList();
        var inApp = ServerTimes.Within(before, await server.ReadAsync(), within);
        return result with
        {
            FailedNote = $"the load tool sent p99 {Measure.Percentile(sorted, 0.99):0.0} ms, max {sorted.LastOrDefault():0} ms late{(inApp.Length > 0 ? $"; {inApp}" : "")}",
        };
    }

    private async Task<Result> ClosedAsync(string name, int clients, Func<int, Task<HttpResponseMessage>> send)
    {
        var (latencies, failed, failure, seconds) = await Measure.ClosedLoopAsync(clients, duration, send);
        return Summarise(name, $"{clients} clients", latencies, failed, failure, seconds, "");
    }

    private static Result Summarise(string name, string load, List<double> latencies, int failed, string failure, double seconds, string target)
    {
        latencies.Sort();
        Console.Error.WriteLine($"  {name}: {latencies.Count} ok, {failed} failed{(failed > 0 ? $" (first: {failure})" : "")}");
        return new Result(name, load, latencies.Count + failed, failed, Measure.Percentile(latencies, 0.50), Measure.Percentile(latencies, 0.95),
            Measure.Percentile(latencies, 0.99), latencies.Count == 0 ? double.NaN : latencies[^1], latencies.Count / seconds, target, null);
    }

    // pgbench's simple-update script (-N) with the same number of clients, as the reference for what this
    // machine's PostgreSQL does with small write transactions.
    private async Task<double> PgbenchAsync(int clients)
    {
        if (pgbenchDatabase.Length == 0) return 0;
        var start = new ProcessStartInfo("pgbench", ["-h", "127.0.0.1", "-U", "digitalehilfe", "-N", "-c", $"{clients}", "-j", "2", "-T", $"{duration.TotalSeconds:0}", pgbenchDatabase])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PGPASSWORD"] = "digitalehilfe" },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = Tps().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private async Task<string> SignInAsync(string email)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = url };
        var form = await client.GetStringAsync("/Account/SignIn");
        var token = Token().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Seeder.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return string.Join("; ", handler.CookieContainer.GetCookies(url).Select(c => $"{c.Name}={c.Value}"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
