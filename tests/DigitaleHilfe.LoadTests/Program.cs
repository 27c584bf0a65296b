using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// dotnet DigitaleHilfe.LoadTests.dll seed --connection CS --state FILE [--requests 100000 --open 5000 --callers 50000 --volunteers 1000]
// dotnet DigitaleHilfe.LoadTests.dll volunteers --connection CS --total 10000
// dotnet DigitaleHilfe.LoadTests.dll run --app Web.dll --url URL --connection CS --state FILE [--seconds 20] [--only intake,lists,board,request,search,suggestions]
//     [--pgbench-db DB] [--markdown FILE]   (starts the app with its own SMTP server, runs the scenarios, stops it)
// dotnet DigitaleHilfe.LoadTests.dll cluster --app Web.dll --connection CS --state FILE --certificate PFX --password PW --proxy-config CFG [--seconds 30] [--digest-minutes 2]
//     (two production nodes behind HAProxy and the checks of the operations issue; scripts/cluster.sh)
// scripts/load.sh runs seed, volunteers and run against a Release build of the app.
namespace DigitaleHilfe.LoadTests;

public static class LoadEntry
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1).ToArray());
        switch (args.FirstOrDefault())
        {
            case "seed":
            {
                var seeder = new Seeder(options.Get("connection"));
                var seeded = await seeder.SeedAsync(options.Int("requests", 100_000), options.Int("open", 5_000), options.Int("callers", 50_000), options.Int("volunteers", 1_000),
                    options.Int("towns", 1));
                var state = await seeder.CreateStateAsync();
                await File.WriteAllTextAsync(options.Get("state"), JsonSerializer.Serialize(state));
                Console.WriteLine($"Seeded {seeded.Requests:N0} requests ({seeded.Events:N0} events) in {seeded.Writing.TotalSeconds:0.0} s " +
                                  $"({seeded.Events / seeded.Writing.TotalSeconds:N0} events/s with inline snapshots), {seeded.Callers:N0} callers, {seeded.Volunteers:N0} volunteers.");
                Console.WriteLine($"Statistics projection rebuilt from {seeded.EventsInStore:N0} events in {seeded.StatisticsRebuild.TotalSeconds:0.0} s " +
                                  $"= {seeded.EventsInStore / seeded.StatisticsRebuild.TotalSeconds:N0} events/s.");
                Console.WriteLine($"Volunteer activity projection rebuilt from {seeded.EventsInStore:N0} events in {seeded.ActivityRebuild.TotalSeconds:0.0} s " +
                                  $"= {seeded.EventsInStore / seeded.ActivityRebuild.TotalSeconds:N0} events/s.");
                Console.WriteLine($"Request snapshots rebuilt from {seeded.EventsInStore:N0} events in {seeded.SnapshotRebuild.TotalSeconds:0.0} s " +
                                  $"= {seeded.EventsInStore / seeded.SnapshotRebuild.TotalSeconds:N0} events/s.");
                // Only the volunteers' own events count here (the rebuild reads those event types alone), so no rate.
                Console.WriteLine($"Volunteer profiles ({seeded.Volunteers:N0}) rebuilt in {seeded.ProfileRebuild.TotalSeconds:0.0} s.");
                return 0;
            }
            case "volunteers":
                await new Seeder(options.Get("connection")).AddVolunteersAsync(options.Int("total", 10_000));
                Console.WriteLine($"Volunteers: {options.Int("total", 10_000):N0} in all.");
                return 0;
            case "run":
            {
                var state = JsonSerializer.Deserialize<State>(await File.ReadAllTextAsync(options.Get("state")))!;
                var url = new Uri(options.Get("url"));
                await using var mails = new MailSink();
                // one: a node that does everything; split: a web node and a niced job node; web: a web node alone, no
                // background at all (what the intake costs by itself).
                var nodes = options.Get("nodes", "one");
                var split = nodes == "split";
                using var jobs = split
                    ? await AppProcess.StartAsync(options.Get("app"), new Uri($"http://127.0.0.1:{url.Port + 1}"), options.Get("connection"), mails.Port, NodeRole.Jobs)
                    : null;
                using var app = await AppProcess.StartAsync(options.Get("app"), url, options.Get("connection"), mails.Port, nodes is "split" or "web" ? NodeRole.Web : NodeRole.All);
                var runner = new Scenarios(url, state, TimeSpan.FromSeconds(options.Int("seconds", 20)), options.Get("pgbench-db", ""), mails, options.Get("connection"));
                var only = options.Get("only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                var results = await runner.RunAsync(only);
                await app.StopAsync();
                if (jobs is not null) await jobs.StopAsync();
                var table = Report.Table(results);
                Console.WriteLine(table);
                if (options.Get("markdown", "") is { Length: > 0 } file) await File.AppendAllTextAsync(file, table + Environment.NewLine);
                return results.Any(r => r.Failed > 0) ? 1 : 0;
            }
            case "cluster":
            {
                var state = JsonSerializer.Deserialize<State>(await File.ReadAllTextAsync(options.Get("state")))!;
                var cluster = new Cluster(options.Get("app"), options.Get("connection"), state, options.Get("certificate"), options.Get("password"),
                    TimeSpan.FromSeconds(options.Int("seconds", 30)), options.Get("proxy-config"), options.Int("digest-minutes", 2));
                return await cluster.RunAsync();
            }
            default:
                Console.Error.WriteLine("Usage: seed | volunteers | run | cluster (see Program.cs)");
                return 2;
        }
    }
}

sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length - 1; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        return new Options(values);
    }

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
}
