using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Statistics;

// The figures of one period, over the requests logged in it (RequestFacts). Medians, percentiles and
// distinct counts cannot be kept as running totals, so every figure is one SQL aggregate over the
// facts' own columns (docs/architecture.md, "Statistics").
public static class PeriodFigures
{
    public sealed record Query(Period Period) : IQuery<Figures>;

    public sealed record Count(string Id, int Requests);

    public sealed record Breakdown(string Id, int Requests, int Resolved, int Minutes);

    // Minutes; null when no request of the period got that far.
    public sealed record Spread(int Requests, int? Median, int? Percentile90);

    public sealed record MonthRow(string Month, int Requests, int Resolved, int Minutes, int? MedianMinutesToFirstClaim);

    public sealed record Figures(
        Period Period, int RequestsLogged, IReadOnlyList<Count> ByChannel, int SeniorsHelped, int SeniorsFirstTime, int SeniorsReturning,
        Spread ToFirstClaim, Spread ToResolution, IReadOnlyList<Count> Outcomes, int Resolved, int EverResolved, int Reopened,
        int FollowUpYes, int FollowUpAnswers, int VolunteerMinutes, int ActiveVolunteers,
        IReadOnlyList<Breakdown> ByTopic, IReadOnlyList<Breakdown> ByDistrict, IReadOnlyList<Breakdown> ByMode, IReadOnlyList<MonthRow> ByMonth)
    {
        public double? ReopenRate => EverResolved == 0 ? null : (double)Reopened / EverResolved;
        public double? FollowUpYesShare => FollowUpAnswers == 0 ? null : (double)FollowUpYes / FollowUpAnswers;
        public double? RequestsPerVolunteer => ActiveVolunteers == 0 ? null : Math.Round((double)Resolved / ActiveVolunteers, 1);
        public int VolunteerHours => (int)Math.Round(VolunteerMinutes / 60.0);
    }

    private const string Table = $"{PersistenceSetup.SchemaName}.mt_doc_requestfacts";
    private const string InPeriod = "logged_at >= @from and logged_at < @to";

    public sealed class Handler(NpgsqlDataSource database) : IQueryHandler<Query, Figures>
    {
        public async ValueTask<Figures> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(connection);
            foreach (var sql in Statements)
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.AddWithValue("from", query.Period.Start);
                command.Parameters.AddWithValue("to", query.Period.End);
                batch.BatchCommands.Add(command);
            }
            await using var r = await batch.ExecuteReaderAsync(ct);

            await r.ReadAsync(ct);
            var totals = (Logged: r.GetInt32(0), Resolved: r.GetInt32(1), EverResolved: r.GetInt32(2), Reopened: r.GetInt32(3), Yes: r.GetInt32(4),
                Answers: r.GetInt32(5), Minutes: r.GetInt32(6), Volunteers: r.GetInt32(7), Seniors: r.GetInt32(8), FirstTime: r.GetInt32(9));
            var toClaim = new Spread(r.GetInt32(10), Int(r, 11), Int(r, 12));
            var toResolution = new Spread(r.GetInt32(13), Int(r, 14), Int(r, 15));
            var byChannel = await CountsAsync(r, ct);
            var outcomes = await CountsAsync(r, ct);
            var byTopic = await BreakdownAsync(r, ct);
            var byDistrict = await BreakdownAsync(r, ct);
            var byMode = await BreakdownAsync(r, ct);
            await r.NextResultAsync(ct);
            var months = new List<MonthRow>();
            while (await r.ReadAsync(ct)) months.Add(new MonthRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), Int(r, 4)));

            return new Figures(query.Period, totals.Logged, byChannel, totals.Seniors, totals.FirstTime, totals.Seniors - totals.FirstTime,
                toClaim, toResolution, outcomes, totals.Resolved, totals.EverResolved, totals.Reopened, totals.Yes, totals.Answers, totals.Minutes,
                totals.Volunteers, byTopic, byDistrict, byMode, months);
        }

        private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : (int)r.GetDouble(i);

        private static async Task<IReadOnlyList<Count>> CountsAsync(NpgsqlDataReader r, CancellationToken ct)
        {
            await r.NextResultAsync(ct);
            var rows = new List<Count>();
            while (await r.ReadAsync(ct)) rows.Add(new Count(r.GetString(0), r.GetInt32(1)));
            return rows;
        }

        private static async Task<IReadOnlyList<Breakdown>> BreakdownAsync(NpgsqlDataReader r, CancellationToken ct)
        {
            await r.NextResultAsync(ct);
            var rows = new List<Breakdown>();
            while (await r.ReadAsync(ct)) rows.Add(new Breakdown(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)));
            return rows;
        }
    }

    // "Seniors helped": distinct callers with a request of the period that has an outcome now; first-time
    // ones had no request before the period. Medians are the lower middle value (percentile_disc), so a
    // recount by hand gives the same whole minutes.
    private static readonly string[] Statements =
    [
        $"""
        with p as (select * from {Table} where {InPeriod}),
             helped as (select distinct caller_id from p where outcome is not null and caller_id is not null)
        select count(*)::int,
               count(*) filter (where outcome is not null)::int,
               count(*) filter (where first_resolved_at is not null)::int,
               count(*) filter (where reopens > 0 and first_resolved_at is not null)::int,
               count(*) filter (where follow_up_all_good)::int,
               count(*) filter (where follow_up_all_good is not null)::int,
               coalesce(sum(minutes_spent), 0)::int,
               count(distinct resolved_by) filter (where outcome is not null)::int,
               (select count(*) from helped)::int,
               (select count(*) from helped h where not exists (select 1 from {Table} e where e.caller_id = h.caller_id and e.logged_at < @from))::int,
               count(minutes_to_first_claim)::int,
               percentile_disc(0.5) within group (order by minutes_to_first_claim)::float8,
               percentile_disc(0.9) within group (order by minutes_to_first_claim)::float8,
               count(minutes_to_resolution)::int,
               percentile_disc(0.5) within group (order by minutes_to_resolution)::float8,
               percentile_disc(0.9) within group (order by minutes_to_resolution)::float8
        from p
        """,
        $"select channel, count(*)::int from {Table} where {InPeriod} group by channel order by 2 desc, channel collate \"C\"",
        $"select outcome, count(*)::int from {Table} where {InPeriod} and outcome is not null group by outcome order by 2 desc, outcome collate \"C\"",
        BreakdownBy("topic"),
        BreakdownBy("district"),
        BreakdownBy("help_mode"),
        $"""
        select to_char(logged_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, count(*)::int,
               count(*) filter (where outcome is not null)::int, coalesce(sum(minutes_spent), 0)::int,
               percentile_disc(0.5) within group (order by minutes_to_first_claim)::float8
        from {Table} where {InPeriod} group by 1 order by 1
        """,
    ];

    private static string BreakdownBy(string column) =>
        $"select {column}, count(*)::int, count(*) filter (where outcome is not null)::int, coalesce(sum(minutes_spent), 0)::int " +
        $"from {Table} where {InPeriod} group by {column} order by 2 desc, {column} collate \"C\"";
}
