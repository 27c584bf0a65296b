using System.Diagnostics;
using System.Net;
using DigitaleHilfe.IntegrationTests.Support;

namespace DigitaleHilfe.IntegrationTests.Accounts;

// Runs the real executable, as an administrator would on the server.
public sealed class CommandLineTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task Users_add_then_api_key_gives_a_key_that_reads_the_api()
    {
        var email = $"skript-{Guid.NewGuid():N}@example.org";

        var added = await RunAsync("users", "add", "--email", email, "--name", "Telefonanlage", "--role", "Operator");
        var keyed = await RunAsync("users", "api-key", "--email", email, "--name", "Telefonanlage");

        added.ExitCode.ShouldBe(0, added.Error);
        keyed.ExitCode.ShouldBe(0, keyed.Error);
        var key = keyed.Output.TrimEnd().Split('\n')[^1].Trim();
        key.ShouldStartWith("dh_");
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.GetAsync("/api/v1/help-requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("users", "add", "--email", "x@example.org", "--name", "X")]
    [InlineData("users", "add", "--email", "x@example.org", "--name", "X", "--role", "Chef")]
    [InlineData("users", "add", "--email", "keine-adresse", "--name", "X", "--role", "Admin")]
    [InlineData("users", "delete", "--email", "x@example.org")]
    [InlineData("users", "api-key", "--email")]
    public async Task Bad_arguments_exit_with_2_and_a_one_line_reason(params string[] args)
    {
        var result = await RunAsync(args);

        result.ExitCode.ShouldBe(2);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Output.ShouldNotContain("Now listening");
    }

    [Fact]
    public async Task With_several_towns_users_need_a_town_and_towns_add_refuses_a_taken_id()
    {
        const string database = "digitalehilfe_cli";
        await OwnDatabase.EmptyAsync(database);
        var connection = OwnDatabase.ConnectionTo(database);

        var first = await RunOnAsync(connection, "users", "add", "--email", "erste@example.org", "--name", "Erste", "--role", "Admin");
        var added = await RunOnAsync(connection, "towns", "add", "--id", "kus", "--name", "Digitale Hilfe Kusel", "--host", "kusel.example", "--sender-address", "hilfe@kusel.example");
        var again = await RunOnAsync(connection, "towns", "add", "--id", "kus", "--name", "Noch einmal");
        var badId = await RunOnAsync(connection, "towns", "add", "--id", "Kusel!", "--name", "Kusel");
        var noTown = await RunOnAsync(connection, "users", "add", "--email", "zweite@example.org", "--name", "Zweite", "--role", "Operator");
        var unknownTown = await RunOnAsync(connection, "users", "add", "--town", "xyz", "--email", "zweite@example.org", "--name", "Zweite", "--role", "Operator");
        var inKusel = await RunOnAsync(connection, "users", "add", "--town", "kus", "--email", "zweite@example.org", "--name", "Zweite", "--role", "Operator");
        var keyNoTown = await RunOnAsync(connection, "users", "api-key", "--email", "zweite@example.org");
        var keyInKusel = await RunOnAsync(connection, "users", "api-key", "--town", "kus", "--email", "zweite@example.org");
        var keyInKaiserslautern = await RunOnAsync(connection, "users", "api-key", "--town", "kl", "--email", "zweite@example.org");
        var list = await RunOnAsync(connection, "towns", "list");

        first.ExitCode.ShouldBe(0, first.Error);
        added.ExitCode.ShouldBe(0, added.Error);
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("gibt es schon");
        badId.ExitCode.ShouldBe(2);
        foreach (var refused in new[] { noTown, keyNoTown })
        {
            refused.ExitCode.ShouldBe(2);
            refused.Error.ShouldContain("mehrere Orte");
            refused.Error.ShouldContain("kl, kus");
        }
        unknownTown.ExitCode.ShouldBe(2);
        inKusel.ExitCode.ShouldBe(0, inKusel.Error);
        keyInKusel.ExitCode.ShouldBe(0, keyInKusel.Error);
        keyInKaiserslautern.ExitCode.ShouldBe(1);   // the account is Kusel's: in Kaiserslautern there is none
        list.Output.ShouldContain("kus\tDigitale Hilfe Kusel\tkusel.example");
        await using (var db = new Npgsql.NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            (await new Npgsql.NpgsqlCommand("select tenant_id from digitalehilfe.mt_doc_account where data ->> 'Email' = 'zweite@example.org'", db).ExecuteScalarAsync()).ShouldBe("kus");
        }
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunOnAsync(AppFixture.ConnectionString, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunOnAsync(string connection, params string[] args)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "DigitaleHilfe.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Postgres"] = connection;
        start.Environment["Hangfire__Server__Enabled"] = "false";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
