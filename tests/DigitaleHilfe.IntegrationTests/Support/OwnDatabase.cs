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
    public static string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString) { Database = database }.ToString();

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
            b.UseSetting("Reminders:DispatchInterval", "00:00:01");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureTestServices(services => services.AddSingleton(clock));
        }));
}
