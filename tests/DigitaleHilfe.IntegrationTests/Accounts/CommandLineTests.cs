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

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, "DigitaleHilfe.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Postgres"] = AppFixture.ConnectionString;
        start.Environment["Hangfire__Server__Enabled"] = "false";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
