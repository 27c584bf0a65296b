using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Statistics;

// The coordinators' start page: what needs a person now, and what the service achieved in a period.
[Authorize(Policies.Statistics)]
[Route("Cockpit")]
public sealed class CockpitController(IMediator mediator, TimeProvider clock) : Controller
{
    public sealed record Page(CockpitNow.Now Now, PeriodInput Input, PeriodFigures.Figures Figures);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] PeriodInput input, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(CityTime.Local(clock.GetUtcNow()).DateTime);
        // A period with errors shows the errors beside the form and the current month's figures.
        var period = ModelState.IsValid ? input.ToPeriod(today) : new PeriodInput().ToPeriod(today);
        return View("Cockpit", new Page(await mediator.Send(new CockpitNow.Query(), ct), input, await mediator.Send(new PeriodFigures.Query(period), ct)));
    }
}
