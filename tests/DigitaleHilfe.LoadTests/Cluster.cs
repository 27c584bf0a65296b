using DigitaleHilfe.Web.Features.Monitoring;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DigitaleHilfe.LoadTests;

// scripts/cluster.sh: two production nodes behind HAProxy (round robin, no sticky sessions, readiness checks) on one
// PostgreSQL, and the checks of docs/operations.md "Several nodes": a sign-in on one node works on the other; the
// daemon's leader is killed (-9) in a burst of intakes and the other node takes over; every acknowledged request is
// stored and every reminder mailed once; a rolling restart under steady load fails no request; recurring jobs run
// once across both nodes. Prints the figures and exits 1 if a check fails.
public sealed partial class Cluster(string app, string connection, State state, string certificate, string password, TimeSpan burst, string proxyConfig,
    int digestMinutes)
{
    private const int ProxyPort = 5300;
    private static readonly int[] Ports = [5301, 5302];
    private static readonly Uri Proxy = new($"http://127.0.0.1:{ProxyPort}");
    private readonly List<(string Check, string Figure, bool Ok)> _report = [];
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };

    public async Task<int> RunAsync()
    {
        await using var mails = new MailSink();
        var nodes = new AppProcess[2];
        for (var i = 0; i < 2; i++) File.Delete(Path.Combine(Path.GetTempPath(), LogName(i)));
        try
        {
            for (var i = 0; i < 2; i++) nodes[i] = await StartNodeAsync(i, mails.Port);
            using var proxy = StartProxy();
            await WaitAsync(async () => (await _http.GetAsync(new Uri(Proxy, "/health/ready"))).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the proxy to answer");

            await SignInOnOneActOnTheOtherAsync();
            await KillTheLeaderInABurstAsync(nodes, mails);
            await RollingRestartAsync(nodes, mails.Port);
            await RecurringJobsOnceAsync();
            await NothingLeftHangingAsync();
            proxy.Kill();
        }
        finally
        {
            foreach (var node in nodes.Where(n => n is not null)) await node.StopAsync();
        }
        Console.WriteLine();
        Console.WriteLine("| check | figures | ok |");
        Console.WriteLine("| --- | --- | --- |");
        foreach (var (check, figure, ok) in _report) Console.WriteLine($"| {check} | {figure} | {(ok ? "yes" : "**no**")} |");
        return _report.All(r => r.Ok) ? 0 : 1;
    }

    private Task<AppProcess> StartNodeAsync(int i, int smtpPort) => AppProcess.StartAsync(app, new Uri($"http://127.0.0.1:{Ports[i]}"), connection, smtpPort,
        NodeRole.All, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataProtection__Certificate__Path"] = certificate, ["DataProtection__Certificate__Password"] = password,
            // HAProxy on this machine terminates "TLS" (it says X-Forwarded-Proto: https) and is the known proxy.
            ["ReverseProxy__KnownProxies__0"] = "127.0.0.1", ["Metrics__ScraperAddresses__0"] = "127.0.0.1",
            ["Marten__Daemon"] = "HotCold", ["Hangfire__QueuePollInterval"] = "00:00:01", ["App__ShutdownDrain"] = "00:00:03",
            ["Reminders__DispatchInterval"] = "00:00:05",
            // Every minute instead of Monday 7:00, so that "once across both nodes" can be counted in one run.
            ["Reminders__DigestCron"] = "* * * * *",
            ["Logging__LogLevel__Default"] = "Information", ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            // Each reminder round's timings: where a kill lands when mails go out twice.
            ["Logging__LogLevel__DigitaleHilfe.Web.Features.Reminders"] = "Debug",
        }, LogName(i));

    private static string LogName(int node) => $"digitalehilfe-cluster-{(char)('a' + node)}.log";

    private Process StartProxy()
    {
        var haproxy = Process.Start(new ProcessStartInfo("haproxy", ["-f", proxyConfig, "-db"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        haproxy.ErrorDataReceived += (_, _) => { };
        haproxy.BeginErrorReadLine();
        haproxy.BeginOutputReadLine();
        return haproxy;
    }

    // The key ring lives in PostgreSQL: a cookie and a form token from node A are good on node B.
    private async Task SignInOnOneActOnTheOtherAsync()
    {
        var a = new Uri($"http://127.0.0.1:{Ports[0]}");
        var b = new Uri($"http://127.0.0.1:{Ports[1]}");
        var cookies = new Dictionary<string, string>();
        var form = await SendAsync(HttpMethod.Get, new Uri(a, "/Account/SignIn"), cookies);
        var signIn = await SendAsync(HttpMethod.Post, new Uri(a, "/Account/SignIn"), cookies, new Dictionary<string, string>
        {
            ["Email"] = Seeder.Coordinator, ["Password"] = Seeder.Password, ["__RequestVerificationToken"] = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value,
        });
        var list = await SendAsync(HttpMethod.Get, new Uri(b, "/HelpRequests"), cookies);
        var page = await list.Content.ReadAsStringAsync();
        var signOut = await SendAsync(HttpMethod.Post, new Uri(b, "/Account/SignOut"), cookies, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        });
        // Signed out on B means signed out on A too: the session is a document in PostgreSQL.
        var afterwards = await SendAsync(HttpMethod.Get, new Uri(a, "/HelpRequests"), cookies);
        var ok = signIn.StatusCode == HttpStatusCode.Redirect && list.StatusCode == HttpStatusCode.OK && signOut.StatusCode == HttpStatusCode.Redirect
                 && afterwards.StatusCode == HttpStatusCode.Redirect && afterwards.Headers.Location?.ToString().Contains("/Account/SignIn") == true;
        _report.Add(("Sign in on node A; list and sign out (form token from B) on node B; then A", $"sign-in {(int)signIn.StatusCode}, list on B {(int)list.StatusCode}, " +
            $"sign-out on B {(int)signOut.StatusCode}, list on A afterwards {(int)afterwards.StatusCode} to {afterwards.Headers.Location}", ok));
    }

    private async Task KillTheLeaderInABurstAsync(AppProcess[] nodes, MailSink mails)
    {
        var leader = await WaitForLeaderAsync(TimeSpan.FromSeconds(60));
        var survivor = 1 - leader;
        var acknowledged = new ConcurrentBag<Guid>();
        var (failed, ambiguous) = (0, 0);
        var mailsFrom = mails.Now;
        var stopwatch = Stopwatch.StartNew();
        var killAt = burst / 3;
        TimeSpan? killed = null, takenOver = null;
        var sending = Measure.OpenLoopAsync(20, burst, async i =>
        {
            var response = await IntakeAsync(i);
            if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            else if ((int)response.StatusCode >= 500) Interlocked.Increment(ref ambiguous);
            return response;
        });
        await Task.Delay(killAt);
        nodes[leader].KillHard();
        killed = stopwatch.Elapsed;
        var killedOnMailClock = mails.Now;
        while (stopwatch.Elapsed - killed < TimeSpan.FromSeconds(90))
        {
            if (await DaemonRunsAsync(survivor)) { takenOver = stopwatch.Elapsed; break; }
            await Task.Delay(100);
        }
        var (latencies, failures, _, _) = await sending;
        failed = failures;
        // The killed node comes back, as an orchestrator would restart it.
        nodes[leader] = await StartNodeAsync(leader, mails.Port);
        var settled = await SettleAsync(TimeSpan.FromMinutes(3));

        var ids = acknowledged.ToArray();
        var found = await ScalarAsync("select count(*) from digitalehilfe.mt_doc_helprequest where id = any($1)", ids);
        var expected = await ScalarAsync("select coalesce(sum(jsonb_array_length(data -> 'Delivered')), 0) from digitalehilfe.mt_events where type = 'reminder_sent'");
        // Reminder mails only: the digest (every minute in this check) is no reminder and is counted on its own below.
        static bool Reminder(string subject) => !subject.StartsWith("Wochenübersicht", StringComparison.Ordinal);
        var (sent, _, _, _) = mails.Since(mailsFrom, Reminder);
        // A round records its mails right after the mail server took them (10-600 ms here, the node logs each round):
        // a kill in that stretch leaves them out and unrecorded, and the job's next run sends them again. Inherent to
        // mail (no transaction spans SMTP and PostgreSQL); any other duplicate is a fault.
        var (resent, twice) = mails.DuplicatesAround(mailsFrom, killedOnMailClock, TimeSpan.FromSeconds(2), Reminder);
        var failover = takenOver - killed;
        var stuck = settled ? "" : await WhyDueAsync(await ScalarAsync(DueReminders));
        _report.Add(($"Leader (node {(char)('A' + leader)}) killed with -9 after {killed!.Value.TotalSeconds:0.0} s of a {burst.TotalSeconds:0} s burst at 20/s",
            $"node {(char)('A' + survivor)} leads after **{(failover is { } f ? $"{f.TotalSeconds:0.0} s" : "never")}**; {latencies.Count} acknowledged, {failed} failed " +
            $"(in flight on the killed node), requests found {found} of {ids.Length}; settled {(settled ? "yes" : $"no, {await ScalarAsync(DueReminders)} reminders due{stuck}")}",
            failover is { } t && t < TimeSpan.FromSeconds(30) && found == ids.Length && settled));
        _report.Add(("Reminder mails after the kill", $"expected {expected} (recorded as delivered), sent {sent}, twice {twice}, " +
            $"resent after the kill {resent} (handed to the mail server by the killed node in the last 2 s, not recorded; same Message-Id)",
            sent - resent == expected && twice == 0));
    }

    private async Task RollingRestartAsync(AppProcess[] nodes, int smtpPort)
    {
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentBag<string>();
        var sent = 0;
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await IntakeAsync(10_000 + i);
                    if (response.StatusCode != HttpStatusCode.Created) failures.Add($"{(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { failures.Add(e.GetType().Name); }
                Interlocked.Increment(ref sent);
                await Task.Delay(100);
            }
        });
        var stops = new List<string>();
        var restartedBefore = await JobsStartedTwiceAsync();
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            await nodes[i].StopAsync();
            stops.Add($"{(char)('A' + i)} {clock.Elapsed.TotalSeconds:0.0} s");
            nodes[i] = await StartNodeAsync(i, smtpPort);
            // HAProxy takes a node back after two good checks a second apart.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        await stop.CancelAsync();
        await load;
        // A node that stops gracefully finishes its running jobs: none is picked up a second time afterwards.
        var settled = await SettleAsync(TimeSpan.FromMinutes(2));
        var restarted = await JobsStartedTwiceAsync() - restartedBefore;
        _report.Add(("Rolling restart (stop A, start A, stop B, start B) under 10 intakes/s through the proxy",
            $"{sent} sent, **{failures.Count} failed**{(failures.IsEmpty ? "" : $" ({string.Join(", ", failures.Distinct())})")}; SIGTERM to exit: {string.Join(", ", stops)} " +
            $"(3 s drain included); jobs started a second time: {restarted}", failures.IsEmpty && restarted == 0 && settled));
    }

    // The digest runs every minute in this check: Hangfire's scheduler, under its distributed lock, creates one round job (which hands each town its digest job)
    // per minute however many nodes run a job server.
    private async Task RecurringJobsOnceAsync()
    {
        // At least this many minutes with a digest job (a short run may not have crossed as many minute marks yet).
        var until = DateTime.UtcNow.AddMinutes(digestMinutes + 1);
        while (DateTime.UtcNow < until && await ScalarAsync("select count(distinct date_trunc('minute', createdat)) from hangfire.job where invocationdata::text like '%WeeklyDigestRound%'") < digestMinutes)
            await Task.Delay(2000);
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select date_trunc('minute', createdat) as minute, count(*) from hangfire.job where invocationdata::text like '%WeeklyDigestRound%' group by 1 order by 1", db);
        var perMinute = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) perMinute.Add(reader.GetInt64(1));
        _report.Add(("Recurring job (weekly digest, every minute here) across both nodes",
            $"{perMinute.Count} minutes with a digest job, at most {perMinute.DefaultIfEmpty(0).Max()} per minute", perMinute.Count > 0 && perMinute.All(c => c == 1)));
    }

    private async Task NothingLeftHangingAsync()
    {
        var clock = Stopwatch.StartNew();
        var settled = await SettleAsync(TimeSpan.FromMinutes(1));
        var processing = await ScalarAsync("select count(*) from hangfire.job where statename = 'Processing'");
        var lag = await ScalarAsync(QueueReadings.DaemonLagSql("digitalehilfe"));
        var behind = await TextAsync("select coalesce(string_agg(name || ' at ' || last_seq_id, ', '), 'none') from digitalehilfe.mt_event_progression " +
                                     "where name not like 'HighWater%' and last_seq_id < (select last_seq_id from digitalehilfe.mt_event_progression where name = 'HighWaterMark')");
        var due = await ScalarAsync(DueReminders);
        _report.Add(("At the end: jobs left running, daemon lag", $"settled after {clock.Elapsed.TotalSeconds:0} s: {processing} jobs processing, {due} reminders due{await WhyDueAsync(due)}, " +
                                                                   $"lag {lag} events (behind: {behind})",
            settled && processing == 0 && lag == 0));
    }

    private Task<long> JobsStartedTwiceAsync() =>
        ScalarAsync("select count(*) from (select jobid from hangfire.state where name = 'Processing' group by jobid having count(*) > 1) as twice");

    private async Task<HttpResponseMessage> IntakeAsync(int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Proxy, "/api/v1/help-requests"))
        {
            Content = JsonContent.Create(new
            {
                callerName = $"Cluster Anruferin {i}", phone = $"0171 {3_000_000 + i}", topic = "smartphone", description = "Das Smartphone zeigt eine Meldung.",
                district = "innenstadt-ost", helpMode = "telefon", consent = true,
            }),
        };
        request.Headers.Authorization = new("Bearer", state.OperatorKey);
        return await _http.SendAsync(request);
    }

    private async Task<int> WaitForLeaderAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            for (var i = 0; i < 2; i++)
                if (await DaemonRunsAsync(i)) return i;
            await Task.Delay(200);
        }
        throw new TimeoutException("Neither node leads the async daemon.");
    }

    private async Task<bool> DaemonRunsAsync(int node)
    {
        try
        {
            var ready = await _http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{Ports[node]}/health/ready"));
            return ready.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("name").GetString() == "background"
                && c.GetProperty("data").GetProperty("daemonRunningHere").GetBoolean());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;   // 503 while a check fails, or the node is down
        }
    }

    // Until every projection has caught up and no reminder is due any more.
    private async Task<bool> SettleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var due = await ScalarAsync(DueReminders);
            var lag = await ScalarAsync(QueueReadings.DaemonLagSql("digitalehilfe"));
            var processing = await ScalarAsync("select count(*) from hangfire.job where statename in ('Processing', 'Enqueued')");
            if (due == 0 && lag == 0 && processing == 0) return true;
            await Task.Delay(1000);
        }
        return false;
    }

    // Where reminders that stayed due are stuck, so that a failed run on CI, whose node logs are gone, still says which
    // stage held them: never handed to a job, leased to a job that never reported back, or waiting for a retry.
    private async Task<string> WhyDueAsync(long due)
    {
        if (due == 0) return "";
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select count(*) filter (where d.id is null or d.data ->> 'DispatchKey' is null),
                   count(*) filter (where d.data ->> 'DispatchKey' is not null and d.data ->> 'NextAttemptAt' is null and (d.data ->> 'Done')::boolean is not true),
                   count(*) filter (where d.data ->> 'NextAttemptAt' is not null and (d.data ->> 'Done')::boolean is not true),
                   count(*) filter (where (d.data ->> 'Done')::boolean),
                   coalesce(to_char(min((d.data ->> 'DispatchedAt')::timestamptz), 'HH24:MI:SS'), '-'),
                   (select string_agg(statename || ' ' || n, ', ') from (select statename, count(*) as n from hangfire.job group by 1 order by 1) as jobs)
            from digitalehilfe.mt_doc_plannedreminder p
            left join digitalehilfe.mt_doc_reminderdelivery d on d.tenant_id = p.tenant_id and d.id = p.id || '@' || (p.data ->> 'Occurrence')
            where (p.data ->> 'DueAt')::timestamptz <= now()
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $" (never dispatched {reader.GetInt64(0)}, leased to a job {reader.GetInt64(1)} since {reader.GetString(4)} UTC at the earliest, " +
               $"waiting for a retry {reader.GetInt64(2)}, done {reader.GetInt64(3)}; jobs: {(reader.IsDBNull(5) ? "none" : reader.GetString(5))})";
    }

    private const string DueReminders = "select count(*) from digitalehilfe.mt_doc_plannedreminder where (data ->> 'DueAt')::timestamptz <= now()";

    private async Task<string> TextAsync(string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToString(await command.ExecuteScalarAsync()) ?? "";
    }

    private async Task<long> ScalarAsync(string sql, Guid[]? ids = null)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        if (ids is not null) command.Parameters.Add(new NpgsqlParameter { Value = ids });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    // A browser's request as the proxy would pass it on (X-Forwarded-Proto: https), with cookies kept by hand: they are
    // Secure, which HttpClient would not send over plain HTTP.
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, Dictionary<string, string> cookies, Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set.Select(c => c.Split(';')[0].Split('=', 2)))
                cookies[cookie[0]] = cookie[1];
        return response;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            try { if (await condition()) return; }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Waited in vain for {what}.");
    }

    // Any form's token, the layout's sign-out form included (its attributes come in another order than the tag helper's).
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
