using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Support;

// A whole app instance on a database of its own (created by test.sh), with its own clock and mail server, for
// tests that restart, restore or share a key ring without disturbing the suite's database. Tracked, so it lives
// until the suite ends.
public static class OwnDatabase
{
    // Small pools whose idle connections close within seconds: these instances live until the suite ends, and
    // PostgreSQL has 100 connection slots for all of the suite's apps.
    public static string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString)
    {
        Database = database, MaxPoolSize = 10, ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1,
    }.ToString();

    // The database as a fresh install finds it: no schema of the app's, none of Hangfire's.
    public static async Task EmptyAsync(string database)
    {
        await using var db = new NpgsqlConnection(ConnectionTo(database));
        await db.OpenAsync();
        await new NpgsqlCommand("drop schema if exists digitalehilfe cascade; drop schema if exists hangfire cascade", db).ExecuteNonQueryAsync();
    }

    public static WebApplicationFactory<Program> Instance(AppFixture app, string database, TimeProvider clock, TestSmtpServer smtp, bool runsReminders,
        params (string Key, string Value)[] settings) =>
        app.Track(new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Postgres", ConnectionTo(database));
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", smtp.Port.ToString());
            b.UseSetting("DemoData:Seed", "false");
            b.UseSetting("App:PublicUrl", "http://digitalehilfe.test");
            b.UseSetting("Accounts:AuthRequestsPerMinute", "100000");
            b.UseSetting("Marten:Daemon", runsReminders ? "Solo" : "Disabled");
            b.UseSetting("Hangfire:Server:Enabled", runsReminders ? "true" : "false");
            b.UseSetting("Hangfire:QueuePollInterval", "00:00:00.2");
            b.UseSetting("Hangfire:Server:WorkerCount", "1");
            b.UseSetting("Reminders:DispatchInterval", "00:00:01");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureTestServices(services => services.AddSingleton(clock));
        }));

    public static async Task<T> SendAsync<T>(WebApplicationFactory<Program> instance, Mediator.ICommand<T> command)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(command);
    }

    // An API client of a new account with this role on the instance.
    public static async Task<HttpClient> ApiClientAsync(WebApplicationFactory<Program> instance, Role role) =>
        await KeyClientAsync(instance, (await CreateAsync(instance, role)).Email);

    // An approved volunteer (certificate shown, a profile with these topics and districts) with an API client.
    public static async Task<HttpClient> VolunteerAsync(WebApplicationFactory<Program> instance, string[] topics, string[] districts)
    {
        var account = await CreateAsync(instance, Role.Volunteer);
        await using (var session = instance.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, topics, districts, ["de"], ["telefon"], 2, [], null, "Test", AppFixture.Start));
            session.Store(account with { Certificate = AppFixture.ValidCertificate });
            await session.SaveChangesAsync();
        }
        return await KeyClientAsync(instance, account.Email);
    }

    private static async Task<Account> CreateAsync(WebApplicationFactory<Program> instance, Role role) =>
        (await SendAsync(instance, new CreateAccount.Command($"{role}-{Guid.NewGuid():N}@example.org".ToLowerInvariant(), $"Test {role}", [role], AppFixture.Password))).Account!;

    private static async Task<HttpClient> KeyClientAsync(WebApplicationFactory<Program> instance, string email)
    {
        var key = await SendAsync(instance, new CreateApiKey.Command(email, "Test"));
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }
}
