using Npgsql;

namespace DigitaleHilfe.LoadTests;

// What one intake costs the database in all, the background work it sets off included: commits from
// pg_stat_database, statements from pg_stat_statements (when the server loads it), counted over a batch of
// intakes from before the first until everything they caused has settled.
public sealed class IntakeCost(string connection)
{
    public sealed record Counters(long Commits, long? Statements);

    private static readonly string[] ResetStatements = ["SET SESSION AUTHORIZATION DEFAULT", "RESET ALL", "CLOSE ALL", "UNLISTEN *",
        "SELECT pg_advisory_unlock_all()", "DISCARD SEQUENCES", "DISCARD TEMP"];

    public async Task<Counters> ReadAsync()
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var commits = new NpgsqlCommand("select xact_commit from pg_stat_database where datname = current_database()", db);
        var committed = (long)(await commits.ExecuteScalarAsync())!;
        long? statements = null;
        try
        {
            // A pooled connection with prepared statements is reset by seven statements in one message, not by one
            // DISCARD ALL; either counts as one statement, so that figures from before and after compare. The app's
            // own advisory unlocks share an entry with the reset's (same query id) and are counted on top.
            // Bodies of SQL functions are left out: autovacuum's ANALYZE evaluates an expression index's function
            // (Marten's mt_immutable_timestamptz, "select value::timestamptz") once per sampled row, and
            // pg_stat_statements counts each as a top-level statement of the app's role: some 30,000 at once, which made
            // single runs read 335 or -734 statements per intake.
            await using var calls = new NpgsqlCommand(
                $"with s as (select st.query, st.calls from pg_stat_statements st where {OwnStatements}), " +
                "r as (select coalesce(sum(calls) filter (where query = $1[1]), 0) as resets from s) " +
                "select (coalesce(sum(s.calls) filter (where s.query <> all($1)), 0) + r.resets " +
                "  + greatest(coalesce(sum(s.calls) filter (where lower(s.query) = 'select pg_advisory_unlock_all()'), 0) - r.resets, 0))::bigint " +
                "from s, r group by r.resets", db)
            {
                Parameters = { new() { Value = ResetStatements } },
            };
            statements = (long)(await calls.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            // pg_stat_statements is not loaded (shared_preload_libraries); commits alone then.
        }
        return new Counters(committed, statements);
    }

    // This database's statements without the bodies of SQL functions (see ReadAsync).
    private const string OwnStatements =
        "st.dbid = (select oid from pg_database where datname = current_database()) " +
        "and not exists (select 1 from pg_proc p join pg_language l on l.oid = p.prolang " +
        "                where l.lanname = 'sql' and lower(btrim(p.prosrc, E' \\n\\t;')) = lower(btrim(st.query, E' \\n\\t;')))";

    // Calls per statement text at this moment (the same filter as ReadAsync), to show where a batch's statements went.
    public async Task<Dictionary<string, long>> CallsByStatementAsync()
    {
        var calls = new Dictionary<string, long>();
        try
        {
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select left(regexp_replace(st.query, '\\s+', ' ', 'g'), 140), sum(st.calls)::bigint from pg_stat_statements st " +
                $"where {OwnStatements} group by 1", db);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) calls[reader.GetString(0)] = reader.GetInt64(1);
        }
        catch (PostgresException) { }
        return calls;
    }

    public static IEnumerable<(string Statement, double PerIntake)> Breakdown(
        Dictionary<string, long> before, Dictionary<string, long> after, double idleSeconds, Dictionary<string, long> idleBefore,
        Dictionary<string, long> idleAfter, double seconds, int intakes) =>
        after.Select(a =>
            {
                var idleRate = (idleAfter.GetValueOrDefault(a.Key) - idleBefore.GetValueOrDefault(a.Key)) / idleSeconds;
                return (a.Key, (a.Value - before.GetValueOrDefault(a.Key) - idleRate * seconds) / intakes);
            })
            .Where(x => x.Item2 >= 0.05).OrderByDescending(x => x.Item2);

    // Sends intakes one after another at a gentle rate and counts what the database did until the background
    // has settled, minus what it does when idle (the job server's and daemon's polling, measured first).
    public async Task<(double Commits, double? Statements, int Intakes)> MeasureAsync(int intakes, Func<int, Task<HttpResponseMessage>> send)
    {
        var window = TimeSpan.FromSeconds(10);
        var idleFrom = await ReadAsync();
        var idleCallsFrom = await CallsByStatementAsync();
        await Task.Delay(window);
        var idleTo = await ReadAsync();
        var idleCallsTo = await CallsByStatementAsync();
        var idleCommits = (idleTo.Commits - idleFrom.Commits) / window.TotalSeconds;
        var idleStatements = idleTo.Statements - idleFrom.Statements is { } s ? s / window.TotalSeconds : (double?)null;

        var start = await ReadAsync();
        var callsFrom = await CallsByStatementAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < intakes; i++)
        {
            using var response = await send(i);
            response.EnsureSuccessStatusCode();
            await Task.Delay(100);
        }
        // Settled: a window in which the database did no more than when idle (plus a commit a second of slack).
        var last = await ReadAsync();
        for (var round = 0; round < 36; round++)
        {
            await Task.Delay(window);
            var now = await ReadAsync();
            var rate = (now.Commits - last.Commits) / window.TotalSeconds;
            last = now;
            if (rate <= idleCommits + 1) break;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        // Where they went: every statement of at least one in twenty intakes, to stderr (not into the results).
        var callsTo = await CallsByStatementAsync();
        foreach (var (statement, perIntake) in Breakdown(callsFrom, callsTo, window.TotalSeconds, idleCallsFrom, idleCallsTo, seconds, intakes))
            Console.Error.WriteLine($"    {perIntake,6:0.00}  {statement}");
        var commits = (last.Commits - start.Commits - idleCommits * seconds) / intakes;
        double? statements = last.Statements - start.Statements is { } total && idleStatements is { } idle ? (total - idle * seconds) / intakes : null;
        return (commits, statements, intakes);
    }
}
