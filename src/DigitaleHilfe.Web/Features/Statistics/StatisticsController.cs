using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Statistics;

// Downloads for the city: figures, requests without personal data and open data as CSV, and the annual
// report as a page and a PDF.
[Authorize(Policies.Statistics)]
[Route("Statistik")]
public sealed class StatisticsController(IMediator mediator, IQuerySession session, NpgsqlDataSource database, Catalog.Catalog catalog, IOptions<ServiceInfo> service)
    : Controller
{
    public sealed record Report(int Year, PeriodFigures.Figures Figures, ServiceInfo Service);

    [HttpGet("Zahlen.csv")]
    public async Task<IActionResult> FiguresCsv([FromQuery] StatisticsApiController.Range range, CancellationToken ct) =>
        !ModelState.IsValid ? Invalid()
        : File(StatisticsCsv.Figures(await mediator.Send(new PeriodFigures.Query(PeriodOf(range)), ct), catalog), "text/csv; charset=utf-8", $"digitale-hilfe-zahlen-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");

    [HttpGet("Anfragen.csv")]
    public async Task<IActionResult> RequestsCsv([FromQuery] StatisticsApiController.Range range, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var period = PeriodOf(range);
        var requests = await session.Query<RequestFacts>().Where(f => f.LoggedAt >= period.Start && f.LoggedAt < period.End).OrderBy(f => f.LoggedAt).ToListAsync(ct);
        return File(StatisticsCsv.Requests(requests, catalog), "text/csv; charset=utf-8", $"digitale-hilfe-anfragen-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    [HttpGet("OffeneDaten.csv")]
    public async Task<IActionResult> OpenDataCsv([FromQuery] StatisticsApiController.Range range, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var period = PeriodOf(range);
        await using var command = database.CreateCommand($"""
            select to_char(logged_at at time zone 'Europe/Berlin', 'YYYY-MM'), district, topic, count(*)::int
            from {PersistenceSetup.SchemaName}.mt_doc_requestfacts where tenant_id = @town and logged_at >= @from and logged_at < @to
            group by 1, 2, 3 order by 1, district collate "C", topic collate "C"
            """);
        command.Parameters.AddWithValue("from", period.Start);
        command.Parameters.AddWithValue("to", period.End);
        command.Parameters.AddWithValue("town", session.TenantId);
        var cells = new List<StatisticsCsv.Cell>();
        await using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) cells.Add(new StatisticsCsv.Cell(r.GetString(0), catalog.DistrictLabel(r.GetString(1)), catalog.TopicLabel(r.GetString(2)), r.GetInt32(3)));
        return File(StatisticsCsv.OpenData(cells), "text/csv; charset=utf-8", $"digitale-hilfe-offene-daten-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    [HttpGet("Jahresbericht/{year:int}")]
    public async Task<IActionResult> AnnualReport(int year, CancellationToken ct) =>
        year is < PeriodInput.FirstYear or > PeriodInput.LastYear ? NotFound()
        : View("AnnualReport", new Report(year, await mediator.Send(new PeriodFigures.Query(Period.OfYear(year)), ct), service.Value));

    [HttpGet("Jahresbericht/{year:int}.pdf")]
    public async Task<IActionResult> AnnualReportPdf(int year, CancellationToken ct)
    {
        if (year is < PeriodInput.FirstYear or > PeriodInput.LastYear) return NotFound();
        var figures = await mediator.Send(new PeriodFigures.Query(Period.OfYear(year)), ct);
        return File(AnnualReportPdfs.Write(new Report(year, figures, service.Value), catalog), "application/pdf", $"jahresbericht-{year}.pdf");
    }

    private static Period PeriodOf(StatisticsApiController.Range range) => new(range.From!.Value, range.To!.Value);

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Message", new MessagePage("Zeitraum ungültig",
            string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()), ("Zum Cockpit", "~/Cockpit")));
    }
}
