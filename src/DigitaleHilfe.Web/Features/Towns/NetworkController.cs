using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Statistics;

namespace DigitaleHilfe.Web.Features.Towns;

// The network admin's page: the towns this installation carries and their anonymous totals for a year.
[Authorize(Policies.Network)]
[Route("Netz")]
public sealed class NetworkController(IMediator mediator, TownDirectory towns, TimeProvider clock) : Controller
{
    public sealed record Page(IReadOnlyList<Town> Towns, NetworkFigures.Result Figures, int? RequestedYear);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int? year, CancellationToken ct)
    {
        var thisYear = CityTime.Local(clock.GetUtcNow()).Year;
        if (year is { } y && (y < PeriodInput.FirstYear || y > PeriodInput.LastYear))
            ModelState.AddModelError("year", $"Bitte geben Sie ein Jahr zwischen {PeriodInput.FirstYear} und {PeriodInput.LastYear} an.");
        var shown = ModelState.IsValid ? year ?? thisYear : thisYear;
        return View("Network", new Page(towns.All, await mediator.Send(new NetworkFigures.Query(shown), ct), year));
    }
}
