using DigitaleHilfe.Web.Infrastructure.Auth;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Reminders;
using JasperFx.Events.Daemon;
using Marten.Events;
using Hangfire;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitaleHilfe.IntegrationTests.Support;

// One app for the whole integration suite, against the real test database and a real SMTP server.
// Tests reset the Marten data before they run (see IntegrationTest), in the manner of Bogard's SliceFixture.
public sealed class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("DH_TEST_CONNECTION")
        ?? "Host=127.0.0.1;Port=5432;Database=digitalehilfe_test;Username=digitalehilfe;Password=digitalehilfe";

    public TestClock Clock { get; } = new(Start);
    public TestSmtpServer Smtp { get; } = new();
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The suite runs many app instances (variants) side by side on PostgreSQL's 100 connection slots: their
        // pools close idle connections within seconds instead of Npgsql's five minutes.
        builder.UseSetting("ConnectionStrings:Postgres",
            new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ToString());
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
        // A real Hangfire server, polling often, so background jobs (invitations) run within the test.
        builder.UseSetting("Hangfire:Server:Enabled", "true");
        builder.UseSetting("Hangfire:QueuePollInterval", "00:00:00.2");
        builder.UseSetting("DemoData:Seed", "false");
        // Reminders are driven by the tests (SettleRemindersAsync), not by a timer running beside them;
        // the planner still wakes the dispatch round for reminders due at once, without waiting to gather more.
        builder.UseSetting("Reminders:DispatchInterval", "01:00:00");
        builder.UseSetting("Reminders:DispatchGather", "00:00:00");
        builder.UseSetting("Marten:Daemon", "Solo");
        builder.UseSetting("Marten:HighWaterPollingMilliseconds", "250");
        // All test requests come from one "address"; the rate limit has its own test with its own app.
        builder.UseSetting("Accounts:AuthRequestsPerMinute", "100000");
        builder.UseSetting("App:PublicUrl", "http://digitalehilfe.test");
        // Tests compare figures right after a change: count exactly every time, and nothing counts on a timer
        // (FiguresCacheTests run the production behaviour).
        builder.UseSetting("Statistics:ShowPreviousFor", "00:00:00");
        builder.UseSetting("Statistics:WarmUpEvery", "00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public async Task ResetAsync()
    {
        // Jobs of the previous test (a reminder, a dispatch round) must not write while the data goes:
        // PostgreSQL would end one side with a deadlock. Worse, Marten then retries the round's batch with its events
        // already numbered, and when that fails, writes "tombstones" under those numbers, which the restarted event
        // sequence hands out again: the next test's append failed on a duplicate seq_id (a 500 in CI). The planner
        // stops first, so that no round starts from the previous test's last events while the others finish; the
        // reset starts it again. Retry if something still collides.
        if (Services.GetService<IProjectionCoordinator>() is { } planner) await planner.PauseAsync();
        // A test that leaves a delivery with its job on purpose (a killed node) never looks quiet: ten seconds, as before.
        if (!await QuietAsync(TimeSpan.FromSeconds(10)))
            Services.GetRequiredService<ILogger<AppFixture>>().LogError("The reset went ahead before the previous test's reminders looked settled.");
        // The data protection keys live in Marten too. Deleting them would break every cookie and form
        // token as soon as the key ring reloads (a test moving the clock a day triggers that), so they
        // survive the reset, as they survive anything else in production.
        IReadOnlyList<DataProtectionKey> keys;
        await using (var read = QuerySession()) keys = await read.Query<DataProtectionKey>().ToListAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Pauses the async daemon (the reminder planner) while the data goes, so it starts again from zero.
                await Services.ResetAllMartenDataAsync();
                break;
            }
            catch (Exception e) when (attempt < 5 && IsDeadlock(e))
            {
                await Task.Delay(200);
            }
        }
        await using (var restore = Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            restore.Store(keys.ToArray());
            await restore.SaveChangesAsync();
        }
        // The first town is made anew; every node would read it within ten seconds, the next test reads it now.
        await Services.GetRequiredService<DigitaleHilfe.Web.Features.Towns.TownDirectory>().RefreshAsync();
        Clock.SetUtcNow(Start);
        Smtp.Clear();
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query);
    }

    public const string Password = "Ein langer Satz als Passwort";

    public static readonly CertificateRecord ValidCertificate = new(new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 1), "Test", new DateOnly(2031, 1, 15));

    public async Task<Account> CreateAccountAsync(params Role[] roles)
    {
        var email = $"{string.Join("-", roles).ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var result = await SendAsync(new CreateAccount.Command(email, $"Test {string.Join("/", roles)}", roles, Password));
        var account = result.Account.ShouldNotBeNull(result.Refusal);
        if (!roles.Contains(Role.Volunteer)) return account;
        // Test volunteers have shown a recent certificate of conduct, so they may visit seniors.
        account = account with { Certificate = ValidCertificate };
        await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
        session.Store(account);
        await session.SaveChangesAsync();
        return account;
    }

    // A client for the JSON API carrying an API key of an account with these roles.
    public async Task<HttpClient> ApiClientAsync(params Role[] roles)
    {
        var account = await CreateAccountAsync(roles);
        var key = await SendAsync(new CreateApiKey.Command(account.Email, "Test"));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    // A browser-like client (cookies, no automatic redirects) signed in as an account with these roles.
    public async Task<HttpClient> SignedInClientAsync(params Role[] roles)
    {
        var account = await CreateAccountAsync(roles);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string>
        {
            ["Email"] = account.Email, ["Password"] = Password,
        });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    private readonly List<WebApplicationFactory<Program>> _variants = [];

    // Another app instance a test builds itself, disposed with the suite like the variants.
    public WebApplicationFactory<Program> Track(WebApplicationFactory<Program> instance)
    {
        _variants.Add(instance);
        return instance;
    }

    // The same app with other settings. Kept alive until the suite ends: Hangfire keeps process-wide
    // static configuration (its log provider), which must not point at a disposed host mid-run.
    public WebApplicationFactory<Program> Variant(params (string Key, string Value)[] settings)
    {
        // Variants run no Hangfire server: they share the job queue, and a variant with, say, no mail
        // server would take the main app's jobs and fail them.
        var variant = WithWebHostBuilder(b =>
        {
            b.UseSetting("Hangfire:Server:Enabled", "false");
            b.UseSetting("Marten:Daemon", "Disabled");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        _variants.Add(variant);
        return variant;
    }

    // Lets the reminder machinery finish what is due at the test clock's "now": the planner catches up
    // with the events, due reminders are dispatched, their jobs run (on the real Hangfire server), and
    // the events those jobs append are planned again — until nothing more is due.
    public async Task SettleRemindersAsync()
    {
        var store = Services.GetRequiredService<IDocumentStore>();
        for (var round = 0; round < 10; round++)
        {
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
            await WaitForRunningRemindersAsync(store);
            await using var scope = Services.CreateAsyncScope();
            var dispatched = await scope.ServiceProvider.GetRequiredService<DispatchReminders>().RunAsync();
            await WaitForRunningRemindersAsync(store);
            if (dispatched == 0) return;
        }
        throw new TimeoutException("Reminders kept coming due.");
    }

    // Quiet: no reminder job holds a delivery, and Hangfire has nothing queued or running (such as a
    // dispatch round the planner asked for), which could otherwise act after the test moved the clock.
    private async Task WaitForRunningRemindersAsync(IDocumentStore store)
    {
        if (!await QuietAsync(TimeSpan.FromSeconds(20))) throw new TimeoutException("A reminder job did not finish.");
    }

    private async Task<bool> QuietAsync(TimeSpan timeout)
    {
        var store = Services.GetRequiredService<IDocumentStore>();
        var monitor = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            await using var session = store.QuerySession(Towns.First);
            // A dispatch round the planner asked for (Reminders:DispatchGather is zero here) counts as running too.
            if (Services.GetRequiredService<DispatchSignal>().Idle
                && !await session.Query<ReminderDelivery>().AnyAsync(d => !d.Done && d.DispatchKey != null)
                && monitor.EnqueuedCount("default") == 0 && monitor.ProcessingCount() == 0) return true;
            await Task.Delay(50);
        }
        return false;
    }

    private static bool IsDeadlock(Exception e) =>
        e is Npgsql.PostgresException { SqlState: "40P01" } || (e.InnerException is { } inner && IsDeadlock(inner));

    public IQuerySession QuerySession() => Services.GetRequiredService<IDocumentStore>().QuerySession(Towns.First);

    public static LogCall.Command ValidCall(string name = "Erika Mustermann") => new()
    {
        CallerName = name,
        Phone = "0631 123456",
        Topic = "online-banking",
        Description = "Die Banking-App fragt nach einem Code.",
        District = "innenstadt-ost",
        HelpMode = "hausbesuch",
        Address = "Fackelstraße 12, 67655 Kaiserslautern",
        Consent = true,
    };

    async Task IAsyncLifetime.InitializeAsync()
    {
        // The test host does not wait for Marten's start-up migration before the first test runs,
        // so the schema (including the request number counter) is brought up to date here.
        await Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var variant in _variants) await variant.DisposeAsync();
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    public virtual Task InitializeAsync() => App.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
