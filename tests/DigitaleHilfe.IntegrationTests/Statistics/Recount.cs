using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Statistics;

namespace DigitaleHilfe.IntegrationTests.Statistics;

// The figures counted by brute force from the raw events, written independently of RequestFacts and
// the SQL, following the definitions in docs/architecture.md ("Statistics").
public static class Recount
{
    private sealed class Request
    {
        public DateTimeOffset LoggedAt; public string Channel = ""; public string Topic = "", District = "", Mode = ""; public Guid? Caller;
        public DateTimeOffset? FirstClaim, FirstResolved; public Outcome? Outcome; public int Minutes, Reopens; public bool? AllGood; public Guid? ResolvedBy;
    }

    public static PeriodFigures.Figures Of(IEnumerable<IGrouping<Guid, object>> streams, Period period)
    {
        var all = new List<Request>();
        foreach (var stream in streams)
        {
            Request? r = null;
            foreach (var e in stream)
            {
                switch (e)
                {
                    case HelpRequestOpened o: r = new Request { LoggedAt = o.LoggedAt, Channel = o.Channel ?? RequestChannels.Hotline, Topic = o.Topic, District = o.District, Mode = o.HelpMode, Caller = o.CallerId }; break;
                    case RequestClaimed c: r!.FirstClaim ??= c.ClaimedAt; break;
                    case RequestAssigned a: r!.FirstClaim ??= a.AssignedAt; break;
                    case RequestResolved x: r!.FirstResolved ??= x.ResolvedAt; r.Outcome = x.Outcome; r.Minutes += x.MinutesSpent; r.ResolvedBy = x.VolunteerId ?? r.ResolvedBy; r.AllGood = null; break;
                    case RequestReopened: r!.Outcome = null; r.Reopens++; break;
                    case FollowUpAnswered f: r!.AllGood = f.AllGood; break;
                }
            }
            if (r is not null) all.Add(r);
        }
        var p = all.Where(r => r.LoggedAt >= period.Start && r.LoggedAt < period.End).ToList();
        int? Minutes(DateTimeOffset? at, DateTimeOffset from) => at is { } t ? (int)Math.Max(0, Math.Floor((t - from).TotalMinutes)) : null;
        PeriodFigures.Spread Spread(IEnumerable<int?> values)
        {
            var sorted = values.OfType<int>().Order().ToList();
            int? At(double q) => sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
            return new PeriodFigures.Spread(sorted.Count, At(0.5), At(0.9));
        }
        var helped = p.Where(r => r.Outcome is not null && r.Caller is not null).Select(r => r.Caller!.Value).Distinct().ToList();
        var firstTime = helped.Count(c => !all.Any(r => r.Caller == c && r.LoggedAt < period.Start));
        List<PeriodFigures.Breakdown> By(Func<Request, string> key) => p.GroupBy(key)
            .Select(g => new PeriodFigures.Breakdown(g.Key, g.Count(), g.Count(r => r.Outcome is not null), g.Sum(r => r.Minutes)))
            .OrderByDescending(b => b.Requests).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
        List<PeriodFigures.Count> Counts(IEnumerable<string> keys) => keys.GroupBy(k => k).Select(g => new PeriodFigures.Count(g.Key, g.Count()))
            .OrderByDescending(c => c.Requests).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

        return new PeriodFigures.Figures(period, p.Count, Counts(p.Select(r => r.Channel)), helped.Count, firstTime, helped.Count - firstTime,
            Spread(p.Select(r => Minutes(r.FirstClaim, r.LoggedAt))), Spread(p.Select(r => Minutes(r.FirstResolved, r.LoggedAt))),
            Counts(p.Where(r => r.Outcome is not null).Select(r => r.Outcome!.Value.ToString())),
            p.Count(r => r.Outcome is not null), p.Count(r => r.FirstResolved is not null), p.Count(r => r.Reopens > 0 && r.FirstResolved is not null),
            p.Count(r => r.AllGood == true), p.Count(r => r.AllGood is not null), p.Sum(r => r.Minutes),
            p.Where(r => r.Outcome is not null && r.ResolvedBy is not null).Select(r => r.ResolvedBy).Distinct().Count(),
            By(r => r.Topic), By(r => r.District), By(r => r.Mode),
            p.GroupBy(r => Web.Features.Shared.CityTime.Local(r.LoggedAt).ToString("yyyy-MM")).OrderBy(g => g.Key)
                .Select(g => new PeriodFigures.MonthRow(g.Key, g.Count(), g.Count(r => r.Outcome is not null), g.Sum(r => r.Minutes),
                    Spread(g.Select(r => Minutes(r.FirstClaim, r.LoggedAt))).Median)).ToList());
    }
}
