namespace DigitaleHilfe.Web.Features.Statistics;

// The cockpit's figures for the city's own dashboards. `to` is inclusive; days are Berlin days.
[ApiController]
[Authorize(Policies.Statistics)]
[Route("api/v1/statistics")]
// Only API keys authenticate the API, never cookies, so there is no CSRF to guard against.
[IgnoreAntiforgeryToken]
public sealed class StatisticsApiController(IMediator mediator) : ControllerBase
{
    public sealed record Range
    {
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
    }

    public sealed class RangeValidator : AbstractValidator<Range>
    {
        public RangeValidator()
        {
            RuleFor(r => r.From).NotNull().WithMessage("Bitte geben Sie from=JJJJ-MM-TT an.");
            RuleFor(r => r.To).NotNull().WithMessage("Bitte geben Sie to=JJJJ-MM-TT an.");
            RuleFor(r => new PeriodInput { Kind = PeriodKind.Range, From = r.From, To = r.To }).SetValidator(new PeriodInputValidator()).OverridePropertyName("");
        }
    }

    [HttpGet]
    public async Task<IActionResult> Get([FromQuery] Range range, CancellationToken ct)
    {
        var f = await mediator.Send(new PeriodFigures.Query(new Period(range.From!.Value, range.To!.Value)), ct);
        return Ok(new
        {
            from = range.From, to = range.To, countedAt = f.CountedAt,
            requestsLogged = f.RequestsLogged,
            byChannel = f.ByChannel.Select(c => new { id = c.Id, requests = c.Requests }),
            seniorsHelped = f.SeniorsHelped, seniorsFirstTime = f.SeniorsFirstTime, seniorsReturning = f.SeniorsReturning,
            volunteerMinutes = f.VolunteerMinutes, activeVolunteers = f.ActiveVolunteers, requestsPerVolunteer = f.RequestsPerVolunteer,
            resolved = f.Resolved,
            outcomes = f.Outcomes.ToDictionary(o => o.Id, o => o.Requests),
            medianMinutesToFirstClaim = f.ToFirstClaim.Median, p90MinutesToFirstClaim = f.ToFirstClaim.Percentile90,
            medianMinutesToResolution = f.ToResolution.Median, p90MinutesToResolution = f.ToResolution.Percentile90,
            reopenRate = f.ReopenRate, followUpYesShare = f.FollowUpYesShare,
            byTopic = f.ByTopic.Select(Row), byDistrict = f.ByDistrict.Select(Row), byHelpMode = f.ByMode.Select(Row),
            byMonth = f.ByMonth.Select(m => new { id = m.Month, requests = m.Requests, resolved = m.Resolved, minutes = m.Minutes, medianMinutesToFirstClaim = m.MedianMinutesToFirstClaim }),
        });
    }

    private static object Row(PeriodFigures.Breakdown b) => new { id = b.Id, requests = b.Requests, resolved = b.Resolved, minutes = b.Minutes };
}
