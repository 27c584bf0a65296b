using DigitaleHilfe.Web.Features.Statistics;
using DigitaleHilfe.Web.Infrastructure.Tenancy;

namespace DigitaleHilfe.Web.Features.Towns;

// What the network sees: for each town and for all of them, how many requests came, were resolved, how many seniors
// were helped and how many hours volunteers gave. Counts only, each town counted in its own context, the network
// in one count over all towns; a count below five is shown as "<5" (as in the open-data export), so that no
// person of a small town can be picked out.
public static class NetworkFigures
{
    public sealed record Query(int Year) : IQuery<Result>;

    public sealed record Row(string? TownId, string Name, int Requests, int Resolved, int SeniorsHelped, int VolunteerHours);

    public sealed record Result(int Year, IReadOnlyList<Row> Towns, Row Network);

    public static string Shown(int count) => count is > 0 and < StatisticsCsv.SuppressBelow ? $"<{StatisticsCsv.SuppressBelow}" : count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));

    public sealed class Handler(TownDirectory towns, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptionsMonitor<Shared.ServiceInfo> service)
        : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var period = Period.OfYear(query.Year);
            var rows = new List<Row>();
            foreach (var town in towns.All)
                using (TownContext.Enter(town.Id))
                    rows.Add(Of(town.Id, town.DisplayName(service.CurrentValue.Name), await FiguresAsync(new PeriodFigures.Query(period), ct)));
            var network = Of(null, "Netzwerk gesamt", await FiguresAsync(new PeriodFigures.Query(period, AllTowns: true), ct));
            return new Result(query.Year, rows, network);
        }

        // Each count in a scope of its own: a scope's session belongs to the town it was opened in.
        private async Task<PeriodFigures.Figures> FiguresAsync(PeriodFigures.Query query, CancellationToken ct)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, ct);
        }

        private static Row Of(string? id, string name, PeriodFigures.Figures f) =>
            new(id, name, f.RequestsLogged, f.Resolved, f.SeniorsHelped, f.VolunteerHours);
    }
}
