using System.Diagnostics;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.Catalog;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Statistics;
using DigitaleHilfe.Web.Features.Volunteers;
using JasperFx.Events.Daemon;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using JasperFx.Events.Documents;
using JasperFx.Events;
using Marten.Services;
using Weasel.Core;

namespace DigitaleHilfe.LoadTests;

// A year of a busy city's service written straight into the event store, the way the app itself would have
// written it: request streams (inline snapshots built by Marten on the way), caller documents, volunteer
// accounts with profiles, and the accounts the scenarios sign in with. Deterministic (fixed seed).
public sealed class Seeder(string connection)
{
    public const string Password = "Lasttest-Passwort-2026!";
    public const string Coordinator = "koordination@last.example", Operator = "hotline@last.example", Volunteer = "helferin@last.example";

    private WebApplicationFactory<global::Program> App() => new WebApplicationFactory<global::Program>().WithWebHostBuilder(b => b
        .UseSolutionRelativeContentRoot("src/DigitaleHilfe.Web").UseEnvironment("Development")
        // Marten's bulk insert leaves a temporary table on its connection; the next one fails without Npgsql's reset.
        .UseSetting("ConnectionStrings:Postgres", connection + ";No Reset On Close=false").UseSetting("Hangfire:Server:Enabled", "false")
        .UseSetting("Marten:Daemon", "Disabled").UseSetting("DemoData:Seed", "false")
        .UseSetting("Statistics:WarmUpEvery", "00:00:00").UseSetting("Logging:LogLevel:Default", "Warning"));

    // With several towns the callers, volunteers and requests are dealt out among them in turn (the first town, kl, is
    // the one the scenarios use: the accounts and keys are made there); towns 2… are reached as t02.last.test ….
    public static string TownId(int index) => index == 0 ? Towns.First : $"t{index + 1:00}";

    public async Task<SeedResult> SeedAsync(int requests, int open, int callers, int volunteers, int towns = 1, int seed = 2026)
    {
        await using var app = App();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await store.Advanced.ResetAllData();
        await ExecuteAsync("truncate digitalehilfe.request_numbers");
        // Jobs left from an earlier run would send for requests that are gone; the app recreates the schema.
        await ExecuteAsync("drop schema if exists hangfire cascade");
        var catalog = app.Services.GetRequiredService<Catalog>();
        string[] topics = [.. catalog.Topics.Select(t => t.Id)], districts = [.. catalog.Districts.Select(d => d.Id)], modes = [.. catalog.HelpModes.Select(m => m.Id)];
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using (var session = store.LightweightSession(new SessionOptions { AllowAnyTenant = true }))
        {
            for (var t = 0; t < towns; t++)
                session.Store(new Web.Features.Towns.Town(TownId(t), t == 0 ? "Digitale Hilfe Kaiserslautern" : $"Digitale Hilfe Ort {t + 1}",
                    t == 0 ? [] : [$"{TownId(t)}.last.test"], null, null, null, now.AddDays(-400 + t)));
            await session.SaveChangesAsync();
        }

        var volunteerIds = new Guid[towns][];
        for (var t = 0; t < towns; t++)
            volunteerIds[t] = await SeedVolunteersAsync(store, TownId(t), volunteers / towns + (t < volunteers % towns ? 1 : 0), topics, districts, modes, random, now, first: t * 1_000_000);
        var callerIds = new Guid[callers];
        for (var batch = 0; batch < callers; batch += 5_000)
        {
            var docs = Enumerable.Range(batch, Math.Min(5_000, callers - batch)).Select(i =>
            {
                callerIds[i] = Guid.CreateVersion7();
                return (Town: i % towns, Caller: new Caller
                {
                    Id = callerIds[i], Name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}",
                    Phones = [$"+49631{1_000_000 + i}"], Address = $"Musterstraße {i % 200 + 1}", CreatedAt = now.AddDays(-400),
                }.WithSearchText());
            }).ToList();
            // Caller i belongs to town i mod towns.
            foreach (var town in docs.GroupBy(d => d.Town))
                await store.BulkInsertDocumentsAsync(TownId(town.Key), town.Select(d => d.Caller).ToList(), BulkInsertMode.OverwriteExisting);
        }
        var callersSeeded = clock.Elapsed;

        var events = 0;
        var numbers = new Dictionary<int, int>();
        var start = now.AddDays(-365);
        var openEvery = requests / Math.Max(1, open);
        for (var batch = 0; batch < requests; batch += 1_000)
        {
            var sessions = Enumerable.Range(0, towns).Select(t => store.LightweightSession(TownId(t))).ToArray();
            for (var i = batch; i < Math.Min(requests, batch + 1_000); i++)
            {
                // Request i belongs to town i mod towns, with a caller and volunteers of that town.
                var t = i % towns;
                var session = sessions[t];
                // Spread over the year, the open ones among the last weeks' requests.
                // (Counted within the town: every town gets its share of open requests.)
                var isOpen = i / towns % openEvery == 0 && i / towns / openEvery < Math.Max(1, open / towns);
                var at = isOpen ? now.AddMinutes(-random.Next(10, 30 * 24 * 60)) : start.AddMinutes(random.Next(0, 335 * 24 * 60));
                var year = Web.Features.Shared.CityTime.Local(at).Year;
                numbers[year] = numbers.GetValueOrDefault(year) + 1;
                var caller = callerIds[Math.Min(callers - 1, random.Next(callers / towns) * towns + t)];
                var stream = History(Guid.CreateVersion7(), RequestNumbers.Format(year, numbers[year]), caller, at, isOpen,
                    topics, districts, modes, volunteerIds[t][..Math.Min(1_000, volunteerIds[t].Length)], random);
                session.Events.StartStream<HelpRequest>(stream[0] is HelpRequestOpened o ? o.RequestId : Guid.Empty, stream);
                events += stream.Length;
            }
            foreach (var session in sessions)
            {
                await session.SaveChangesAsync();
                await session.DisposeAsync();
            }
        }
        foreach (var (year, last) in numbers)
            await ExecuteAsync($"insert into digitalehilfe.request_numbers (year, last_number) values ({year}, {last})");
        var requestsSeeded = clock.Elapsed - callersSeeded;

        using (Web.Infrastructure.Tenancy.TownContext.Enter(Towns.First))
            await CreateAccountsAsync(app, store, topics, districts, modes, now);

        // The statistics are rebuilt from the events (measured); the reminder planner starts after the seeded
        // history, as if it had planned (and long sent) its reminders at the time.
        var rebuild = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<RequestFacts>(TimeSpan.FromMinutes(30), CancellationToken.None);
        rebuild.Stop();
        var activity = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<VolunteerActivityProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        activity.Stop();
        // The request snapshots (written inline while seeding) and the volunteers' profiles, rebuilt from all events as
        // after a change to their Apply methods.
        var snapshots = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<DigitaleHilfe.Web.Features.HelpRequests.HelpRequest>(TimeSpan.FromMinutes(30), CancellationToken.None);
        snapshots.Stop();
        var profiles = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<DigitaleHilfe.Web.Features.Volunteers.VolunteerProfile>(TimeSpan.FromMinutes(30), CancellationToken.None);
        profiles.Stop();
        await ExecuteAsync("""
            insert into digitalehilfe.mt_event_progression (name, last_seq_id, last_updated)
            select 'ReminderPlanner:All', max(seq_id), now() from digitalehilfe.mt_events
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = now()
            """);
        await ExecuteAsync("vacuum analyze");
        return new SeedResult(requests, events, callers, volunteerIds.Sum(v => v.Length), requestsSeeded, rebuild.Elapsed, await CountAsync("select count(*) from digitalehilfe.mt_events"))
        {
            ActivityRebuild = activity.Elapsed, SnapshotRebuild = snapshots.Elapsed, ProfileRebuild = profiles.Elapsed,
        };
    }

    // What the scenarios need: API keys (shown only once, so made here) and requests to look at.
    public async Task<State> CreateStateAsync()
    {
        await using var app = App();
        using var inTown = Web.Infrastructure.Tenancy.TownContext.Enter(Towns.First);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var coordinatorKey = await mediator.Send(new CreateApiKey.Command(Coordinator, "Lasttest"));
        var operatorKey = await mediator.Send(new CreateApiKey.Command(Operator, "Lasttest"));
        async Task<List<Guid>> Ids(string where)
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand($"select id from digitalehilfe.mt_doc_helprequest where tenant_id = '{Towns.First}' {where} order by random() limit 500", db);
            await using var reader = await command.ExecuteReaderAsync();
            var ids = new List<Guid>();
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
            return ids;
        }
        return new State(coordinatorKey!, operatorKey!, await Ids("and data ->> 'Status' = 'Open'"), await Ids(""),
            (int)await CountAsync($"select count(*) from digitalehilfe.mt_doc_helprequest where tenant_id = '{Towns.First}' and data ->> 'Status' = 'Open'"),
            (int)await CountAsync($"select count(*) from digitalehilfe.mt_doc_helprequest where tenant_id = '{Towns.First}'"));
    }

    // More volunteers for the matching scenario (10,000 in all), on top of an existing seed.
    public async Task AddVolunteersAsync(int total)
    {
        await using var app = App();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var catalog = app.Services.GetRequiredService<Catalog>();
        // The matching scenario's town (the first) gets them.
        var have = (int)await CountAsync($"select count(*) from digitalehilfe.mt_doc_volunteerprofile where tenant_id = '{Towns.First}'");
        if (have >= total) return;
        await SeedVolunteersAsync(store, Towns.First, total - have, [.. catalog.Topics.Select(t => t.Id)], [.. catalog.Districts.Select(d => d.Id)],
            [.. catalog.HelpModes.Select(m => m.Id)], new Random(have), DateTimeOffset.UtcNow, first: have);
        await ExecuteAsync("vacuum analyze");
    }

    private static async Task<Guid[]> SeedVolunteersAsync(IDocumentStore store, string town, int count, string[] topics, string[] districts, string[] modes, Random random,
        DateTimeOffset now, int first)
    {
        var ids = new Guid[count];
        for (var batch = 0; batch < count; batch += 1_000)
        {
            await using var session = store.LightweightSession(town);
            for (var i = batch; i < Math.Min(count, batch + 1_000); i++)
            {
                var id = ids[i] = Guid.CreateVersion7();
                var n = first + i;
                session.Store(new Account
                {
                    Id = id, Email = $"helfer{n}@last.example", Name = $"{FirstNames[n % FirstNames.Length]} Helfer{n}", Roles = [Role.Volunteer],
                    EmailConfirmed = true, ApprovedAt = now.AddDays(-300), ApprovedBy = "Lasttest", CreatedAt = now.AddDays(-300),
                });
                session.Events.Append(id, new VolunteerProfileUpdated(id, Some(topics, random), Some(districts, random), ["de"], Some(modes, random),
                    random.Next(1, 4), [], null, "Lasttest", now.AddDays(-300)));
            }
            await session.SaveChangesAsync();
        }
        return ids;
    }

    private static async Task CreateAccountsAsync(WebApplicationFactory<global::Program> app, IDocumentStore store, string[] topics, string[] districts,
        string[] modes, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new CreateAccount.Command(Coordinator, "Lasttest Koordination", [Role.Coordinator, Role.Operator], Password));
        await mediator.Send(new CreateAccount.Command(Operator, "Lasttest Hotline", [Role.Operator], Password));
        var volunteer = (await mediator.Send(new CreateAccount.Command(Volunteer, "Lasttest Helferin", [Role.Volunteer], Password))).Account!;
        await using var session = store.LightweightSession(Towns.First);
        session.Events.Append(volunteer.Id, new VolunteerProfileUpdated(volunteer.Id, topics, districts, ["de"], modes, 3, [], null, "Lasttest", now));
        await session.SaveChangesAsync();
    }

    private static object[] History(Guid id, string number, Guid caller, DateTimeOffset at, bool open, string[] topics, string[] districts, string[] modes,
        Guid[] volunteers, Random random)
    {
        var events = new List<object>
        {
            new HelpRequestOpened(id, number, caller, topics[random.Next(topics.Length)], "Das Tablet fragt nach einem Code, den ich nicht kenne.",
                districts[random.Next(districts.Length)], modes[random.Next(modes.Length)], null, random.Next(10) == 0, "Hotline", at, null,
                random.Next(3) == 0 ? RequestChannels.Api : RequestChannels.Hotline),
        };
        if (open) return [.. events];
        var path = random.Next(20);
        if (path == 0) return [.. events, new RequestCancelled(id, "Hat sich erledigt", "Hotline", at.AddHours(random.Next(1, 100)))];
        var volunteer = volunteers[random.Next(volunteers.Length)];
        events.Add(new RequestClaimed(id, volunteer, "Helfer", at = at.AddMinutes(random.Next(5, 3 * 24 * 60))));
        // A few hundred are still with a volunteer (claimed, or waiting for the appointment), as on any day.
        if (path == 1 && random.Next(20) == 0) return [.. events];
        events.Add(new AppointmentScheduled(id, at.AddDays(2), "telefon", null, "Helfer", at = at.AddHours(random.Next(1, 48))));
        if (path == 2 && random.Next(20) == 0) return [.. events];
        events.Add(new RequestResolved(id, (Outcome)random.Next(5), random.Next(15, 180), volunteer, "Helfer", at = at.AddDays(2).AddHours(1)));
        if (random.Next(3) > 0) events.Add(new FollowUpAnswered(id, random.Next(5) > 0, null, "E-Mail", "Senior", at = at.AddDays(7)));
        if (random.Next(2) == 0) events.Add(new RequestClosed(id, "Koordination", at.AddDays(1)));
        return [.. events];
    }

    private static List<string> Some(string[] all, Random random)
    {
        var some = all.Where(_ => random.Next(3) == 0).ToList();
        return some.Count > 0 ? some : [all[random.Next(all.Length)]];
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static readonly string[] FirstNames = ["Erika", "Hans", "Gisela", "Werner", "Ursula", "Helmut", "Inge", "Klaus", "Renate", "Manfred", "Hildegard", "Dieter"];
    private static readonly string[] LastNames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder"];
}

public sealed record State(string CoordinatorKey, string OperatorKey, List<Guid> OpenRequests, List<Guid> AnyRequests, int OpenCount, int TotalCount);

public sealed record SeedResult(int Requests, int Events, int Callers, int Volunteers, TimeSpan Writing, TimeSpan StatisticsRebuild, long EventsInStore)
{
    public TimeSpan ActivityRebuild { get; init; }
    public TimeSpan SnapshotRebuild { get; init; }
    public TimeSpan ProfileRebuild { get; init; }
}
