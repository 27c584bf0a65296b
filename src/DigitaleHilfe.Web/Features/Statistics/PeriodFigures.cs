using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Statistics;

// The figures of one period, over the requests logged in it (RequestFacts). Medians, percentiles and
// distinct counts cannot be kept as running totals, so every figure is one SQL aggregate over the
// facts' own columns (docs/architecture.md, "Statistics").
public static class PeriodFigures
{
    // AllTowns: the network's totals, counted over every town (for the network admin; figures only, no person).
    // Ahead: asked by the warm-up, not by a viewer (FiguresCache recounts for it only what a viewer would otherwise wait for).
    public sealed record Query(Period Period, bool AllTowns = false, bool Ahead = false) : IQuery<Figures>;

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

        // When these figures were counted (FiguresCache); not a figure, so not part of comparisons by JSON.
        [System.Text.Json.Serialization.JsonIgnore] public DateTimeOffset CountedAt { get; init; }
    }

    private const string Table = $"{PersistenceSetup.SchemaName}.mt_doc_requestfacts";
    // The town's rows, or every town's for the network totals (a custom plan sees which).
    private const string InTown = "(@town::text is null or tenant_id = @town)";
    private const string InPeriod = InTown + " and logged_at >= @from and logged_at < @to";

    public sealed class Handler(NpgsqlDataSource database, FiguresCache cache, TownSessionFactory sessions) : IQueryHandler<Query, Figures>
    {
        public async ValueTask<Figures> Handle(Query query, CancellationToken ct)
        {
            var town = query.AllTowns ? null : sessions.Town;
            return await cache.GetAsync(town, query.Period, c => ComputeAsync(query, town, c), ct, query.Ahead);
        }

        // Four statements run side by side on their own connections, each one scan of the period's facts
        // (docs/performance.md has the figures).
        private async Task<Figures> ComputeAsync(Query query, string? town, CancellationToken ct)
        {
            var totalsTask = ReadAsync(query.Period, town, Totals, async r =>
            {
                await r.ReadAsync(ct);
                return (Logged: r.GetInt32(0), Resolved: r.GetInt32(1), EverResolved: r.GetInt32(2), Reopened: r.GetInt32(3), Yes: r.GetInt32(4),
                    Answers: r.GetInt32(5), Minutes: r.GetInt32(6), Volunteers: r.GetInt32(7),
                    ToClaim: new Spread(r.GetInt32(8), Int(r, 9), Int(r, 10)), ToResolution: new Spread(r.GetInt32(11), Int(r, 12), Int(r, 13)));
            }, ct);
            var seniorsTask = ReadAsync(query.Period, town, Seniors, async r =>
            {
                await r.ReadAsync(ct);
                return (Helped: r.GetInt32(0), FirstTime: r.GetInt32(1));
            }, ct);
            var groupsTask = ReadAsync(query.Period, town, Groups, async r =>
            {
                var rows = new List<(int Set, string? Id, Breakdown Row)>();
                while (await r.ReadAsync(ct))
                {
                    var set = r.GetInt32(0);
                    var id = r.IsDBNull(1) ? null : r.GetString(1);
                    rows.Add((set, id, new Breakdown(id ?? "", r.GetInt32(2), r.GetInt32(3), r.GetInt32(4))));
                }
                return rows;
            }, ct);
            var monthsTask = ReadAsync(query.Period, town, Months, async r =>
            {
                var months = new List<MonthRow>();
                while (await r.ReadAsync(ct)) months.Add(new MonthRow(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), Int(r, 4)));
                return months;
            }, ct);
            var (totals, seniors, groups, months) = (await totalsTask, await seniorsTask, await groupsTask, await monthsTask);

            List<Breakdown> Set(int set) => groups.Where(g => g.Set == set && g.Id is not null).Select(g => g.Row)
                .OrderByDescending(b => b.Requests).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
            List<Count> Counted(int set) => Set(set).Select(b => new Count(b.Id, b.Requests)).ToList();
            return new Figures(query.Period, totals.Logged, Counted(ChannelSet), seniors.Helped, seniors.FirstTime, seniors.Helped - seniors.FirstTime,
                totals.ToClaim, totals.ToResolution, Counted(OutcomeSet), totals.Resolved, totals.EverResolved, totals.Reopened, totals.Yes, totals.Answers,
                totals.Minutes, totals.Volunteers, Set(TopicSet), Set(DistrictSet), Set(ModeSet), months);
        }

        private async Task<T> ReadAsync<T>(Period period, string? town, string sql, Func<NpgsqlDataReader, Task<T>> read, CancellationToken ct)
        {
            await using var command = database.CreateCommand(sql);
            command.Parameters.AddWithValue("from", period.Start);
            command.Parameters.AddWithValue("to", period.End);
            command.Parameters.Add(new NpgsqlParameter("town", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)town ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader);
        }

        private static int? Int(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : (int)r.GetDouble(i);
    }

    // grouping(topic, district, help_mode, channel, outcome): a 0 bit for the column a row is grouped by.
    private const int TopicSet = 15, DistrictSet = 23, ModeSet = 27, ChannelSet = 29, OutcomeSet = 30;

    private const string Totals = $"""
        select count(*)::int,
               count(*) filter (where outcome is not null)::int,
               count(*) filter (where first_resolved_at is not null)::int,
               count(*) filter (where reopens > 0 and first_resolved_at is not null)::int,
               count(*) filter (where follow_up_all_good)::int,
               count(*) filter (where follow_up_all_good is not null)::int,
               coalesce(sum(minutes_spent), 0)::int,
               count(distinct resolved_by) filter (where outcome is not null)::int,
               count(minutes_to_first_claim)::int,
               percentile_disc(0.5) within group (order by minutes_to_first_claim)::float8,
               percentile_disc(0.9) within group (order by minutes_to_first_claim)::float8,
               count(minutes_to_resolution)::int,
               percentile_disc(0.5) within group (order by minutes_to_resolution)::float8,
               percentile_disc(0.9) within group (order by minutes_to_resolution)::float8
        from {Table} where {InPeriod}
        """;

    // "Seniors helped": distinct callers with a request of the period that has an outcome now; first-time
    // ones had no request before the period. Medians are the lower middle value (percentile_disc), so a
    // recount by hand gives the same whole minutes.
    private const string Seniors = $"""
        select count(*)::int, count(*) filter (where first_seen >= @from)::int from (
            select caller_id, min(logged_at) as first_seen, bool_or({InPeriod} and outcome is not null) as helped
            from {Table} where {InTown} and caller_id is not null and logged_at < @to group by caller_id) callers
        where helped
        """;

    private const string Groups = $"""
        select grouping(topic, district, help_mode, channel, outcome), coalesce(topic, district, help_mode, channel, outcome),
               count(*)::int, count(*) filter (where outcome is not null)::int, coalesce(sum(minutes_spent), 0)::int
        from {Table} where {InPeriod}
        group by grouping sets ((topic), (district), (help_mode), (channel), (outcome))
        """;

    private const string Months = $"""
        select to_char(logged_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, count(*)::int,
               count(*) filter (where outcome is not null)::int, coalesce(sum(minutes_spent), 0)::int,
               percentile_disc(0.5) within group (order by minutes_to_first_claim)::float8
        from {Table} where {InPeriod} group by 1 order by 1
        """;

}
