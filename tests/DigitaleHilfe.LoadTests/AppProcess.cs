using System.Diagnostics;

namespace DigitaleHilfe.LoadTests;

// The app under load as its own process, configured as a city would run it, sending its mail to the run's
// MailSink. One node does everything (job server and async daemon on); or, with NODES=split, a web node serves
// the requests and a job node on the same machine, at a lower CPU priority (nice 10), runs the jobs and the daemon.
public enum NodeRole { All, Web, Jobs }

public sealed class AppProcess(Process process) : IDisposable
{
    public static async Task<AppProcess> StartAsync(string dll, Uri url, string connection, int smtpPort, NodeRole role = NodeRole.All,
        IReadOnlyDictionary<string, string>? settings = null, string? logName = null)
    {
        var background = role != NodeRole.Web;
        string[] command = role == NodeRole.Jobs ? ["-n", "10", "dotnet", Path.GetFullPath(dll)] : [Path.GetFullPath(dll)];
        var start = new ProcessStartInfo(role == NodeRole.Jobs ? "nice" : "dotnet", command)
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
                ["ConnectionStrings__Postgres"] = connection, ["Smtp__Host"] = "127.0.0.1", ["Smtp__Port"] = $"{smtpPort}",
                ["DemoData__Seed"] = "false", ["Marten__Daemon"] = background ? "HotCold" : "Disabled",
                ["Hangfire__Server__Enabled"] = background ? "true" : "false",
                // Every scenario signs in from one address; the sign-in limit would count them as one attacker.
                ["Accounts__AuthRequestsPerMinute"] = "100000",
                // The load tool reads the app's own request durations (ServerTimes).
                ["Metrics__ScraperAddresses__0"] = "127.0.0.1",
                ["Logging__LogLevel__Default"] = "Warning", ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        // Appended, so that a node restarted under the same name keeps what it logged before (the cluster check's kill).
        var logPath = Path.Combine(Path.GetTempPath(), logName ?? $"digitalehilfe-load-app{(role == NodeRole.Jobs ? "-jobs" : "")}.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine($"--- started {DateTime.UtcNow:O} as process {process.Id}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}); see {logPath}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return new AppProcess(process);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The app did not become ready within two minutes.");
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    // kill -9: no shutdown, no closing of connections by the app (the kernel still closes its sockets).
    public void KillHard() => Process.Start("kill", ["-KILL", $"{process.Id}"])?.WaitForExit();

    public async Task StopAsync()
    {
        if (process.HasExited) return;
        Process.Start("kill", ["-TERM", $"{process.Id}"])?.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
