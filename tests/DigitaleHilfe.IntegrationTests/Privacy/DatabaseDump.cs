using System.Diagnostics;
using DigitaleHilfe.IntegrationTests.Support;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Privacy;

// The whole test database as pg_dump writes it: every schema, table and row (Marten's, Hangfire's).
public static class DatabaseDump
{
    public static async Task<string> AllAsync(string? schema = null)
    {
        var c = new NpgsqlConnectionStringBuilder(AppFixture.ConnectionString);
        string[] only = schema is null ? [] : ["-n", schema];
        var start = new ProcessStartInfo("pg_dump", ["--no-owner", "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "-d", c.Database!, .. only])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PGPASSWORD"] = c.Password },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed: {await error}");
        return await output;
    }
}
