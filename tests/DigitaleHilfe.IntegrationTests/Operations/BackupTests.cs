using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using Marten.Events;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Operations;

// scripts/backup.sh and scripts/restore.sh with whole app instances: one works on its own database while the
// backup is taken, a second starts on the restored copy and carries on from there.
public sealed class BackupTests(AppFixture app) : IntegrationTest(app)
{
    private readonly TestClock _clock = new(AppFixture.Start);
    private readonly TestSmtpServer _sourceMail = new(), _restoredMail = new();
    private readonly string _backups = Directory.CreateTempSubdirectory("dh-backup-").FullName;

    public override async Task DisposeAsync()
    {
        await _sourceMail.DisposeAsync();
        await _restoredMail.DisposeAsync();
        Directory.Delete(_backups, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_under_load_restores_into_a_fresh_database_where_the_app_carries_on_without_sending_anything_twice()
    {
        // A database as production has it: dropped, then the schema applied the way db-apply does (by an instance
        // without a daemon), and the nodes create nothing on the fly (Marten:AutoCreate None, as in Production).
        await OwnDatabase.EmptyAsync("digitalehilfe_backup");
        await OwnDatabase.Instance(App, "digitalehilfe_backup", _clock, _sourceMail, runsReminders: false).Services
            .GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var source = Instance("digitalehilfe_backup", _sourceMail);
        var store = source.Services.GetRequiredService<IDocumentStore>();
        var volunteer = await OwnDatabase.VolunteerAsync(source, ["online-banking"], ["innenstadt-ost"]);
        // A claimed request with an appointment in three days: its volunteer has had the contact details, and the
        // reminder the day before the appointment is still to come when the backup is taken.
        var appointment = await OwnDatabase.SendAsync(source, AppFixture.ValidCall());
        (await volunteer.PostAsync($"/api/v1/help-requests/{appointment.Id}/claim", null)).EnsureSuccessStatusCode();
        (await volunteer.PostAsJsonAsync($"/api/v1/help-requests/{appointment.Id}/appointment",
            new { at = AppFixture.Start.AddDays(3), mode = "telefon", place = "Anruf" })).EnsureSuccessStatusCode();
        await _sourceMail.WaitForMessageAsync(m => m.Subject!.Contains("Kontaktdaten") && m.Subject.Contains(appointment.Number), TimeSpan.FromSeconds(30));
        var earlier = new List<LogCall.Result> { appointment };
        for (var i = 0; i < 10; i++) earlier.Add(await OwnDatabase.SendAsync(source, AppFixture.ValidCall($"Anruferin {i}") with { Phone = $"0631 55500{i:00}" }));
        await WaitUntilNothingIsDueAsync(store);
        // Every reminder mail carries a Message-Id made from its reminder and recipient: sent again, it would repeat.
        var sentBefore = _sourceMail.Messages.Select(m => m.MessageId).ToHashSet();
        sentBefore.ShouldNotBeEmpty();

        // Light load while pg_dump runs: an intake every 50 ms through the API.
        var hotline = await OwnDatabase.ApiClientAsync(source, Role.Operator);
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentBag<Guid>();
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await hotline.PostAsJsonAsync("/api/v1/help-requests", new
                {
                    callerName = $"Während der Sicherung {i}", phone = $"0171 77700{i % 100:00}", topic = "smartphone", description = "Frage zum Telefon",
                    district = "innenstadt-ost", helpMode = "telefon", consent = true,
                });
                if (response.IsSuccessStatusCode) acknowledged.Add((await response.Content.ReadFromJsonAsync<IdOnly>())!.Id);
                await Task.Delay(50);
            }
        });
        await Task.Delay(300);
        var backup = await ScriptAsync("backup.sh", [], ("PGDATABASE", "digitalehilfe_backup"), ("BACKUP_DIR", _backups), ("KEEP", "3"));
        await Task.Delay(300);
        await stop.CancelAsync();
        await load;
        backup.Code.ShouldBe(0, backup.Output);
        acknowledged.ShouldNotBeEmpty("intakes went on while the backup ran");
        var file = Directory.GetFiles(_backups, "*.dump").ShouldHaveSingleItem();

        var restore = await ScriptAsync("restore.sh", [file, "digitalehilfe_restored"], ("REPLACE", "1"));
        restore.Code.ShouldBe(0, restore.Output);

        var restored = Instance("digitalehilfe_restored", _restoredMail);
        restored.CreateClient();   // starts it: the daemon resumes from the progress in the dump
        await using (var session = restored.Services.GetRequiredService<IDocumentStore>().QuerySession(Towns.First))
        {
            var requests = await session.LoadManyAsync<HelpRequest>(earlier.Select(r => r.Id));
            requests.Count.ShouldBe(earlier.Count, "every request acknowledged before the backup is in it");
            (await session.LoadManyAsync<Web.Features.Callers.Caller>(earlier.Select(r => r.CallerId).Distinct()))
                .Count.ShouldBe(earlier.Select(r => r.CallerId).Distinct().Count());
            foreach (var request in earlier)
                (await session.Events.FetchStreamStateAsync(request.Id)).ShouldNotBeNull().Version.ShouldBe(
                    (await store.QuerySession(Towns.First).Events.FetchStreamStateAsync(request.Id))!.Version, $"{request.Number}: every event restored");
            (await session.Query<PlannedReminder>().Where(p => p.RequestId == appointment.Id && p.Kind == ReminderKind.AppointmentReminder).ToListAsync())
                .ShouldHaveSingleItem("the reminder still to come is still planned");
        }

        // Nothing the backup had recorded as sent goes out again...
        await Task.Delay(TimeSpan.FromSeconds(3));
        _restoredMail.Messages.Where(m => sentBefore.Contains(m.MessageId)).ShouldBeEmpty();
        // ...and the pending reminder goes out once, from the restored database.
        _clock.SetUtcNow(AppFixture.Start.AddDays(2).AddMinutes(1));
        bool IsTheReminder(MimeKit.MimeMessage m) => m.Subject!.StartsWith("Erinnerung: Ihr Termin") && m.TextBody!.Contains(appointment.Number);
        await _restoredMail.WaitForMessageAsync(IsTheReminder, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        _restoredMail.Messages.Count(IsTheReminder).ShouldBe(1);
        _restoredMail.Messages.Where(m => sentBefore.Contains(m.MessageId)).ShouldBeEmpty();
    }

    private sealed record IdOnly(Guid Id);

    private WebApplicationFactory<Program> Instance(string database, TestSmtpServer smtp) =>
        OwnDatabase.Instance(App, database, _clock, smtp, runsReminders: true, ("Marten:AutoCreate", "None"));

    private async Task WaitUntilNothingIsDueAsync(IDocumentStore store)
    {
        for (var i = 0; i < 100; i++)
        {
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
            await using var session = store.QuerySession(Towns.First);
            var now = _clock.GetUtcNow();
            if (!await session.Query<PlannedReminder>().AnyAsync(p => p.DueAt <= now)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("Reminders stayed due.");
    }

    // Runs one of the repository's scripts against the test server (libpq variables from the test connection).
    private static async Task<(int Code, string Output)> ScriptAsync(string script, string[] arguments, params (string Key, string Value)[] environment)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "scripts", script))) root = Path.GetDirectoryName(root) ?? throw new FileNotFoundException(script);
        var connection = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString);
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", script), arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        (start.Environment["PGHOST"], start.Environment["PGPORT"], start.Environment["PGUSER"], start.Environment["PGPASSWORD"]) =
            (connection.Host, connection.Port.ToString(), connection.Username, connection.Password);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
