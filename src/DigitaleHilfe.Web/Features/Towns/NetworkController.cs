using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Statistics;

namespace DigitaleHilfe.Web.Features.Towns;

// The network admin's page: the towns this installation carries and their anonymous totals for a year.
[Authorize(Policies.Network)]
[Route("Netz")]
public sealed class NetworkController(IMediator mediator, TownDirectory towns, TimeProvider clock) : Controller
{
    public sealed record Page(IReadOnlyList<Town> Towns, NetworkFigures.Result Figures, int? RequestedYear);

    // The year as typed: anything not a year in range (a word, a number beyond int) gets the same field error.
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "year")] string? typed, CancellationToken ct)
    {
        var thisYear = CityTime.Local(clock.GetUtcNow()).Year;
        int? year = int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        ModelState.Remove("year");
        if (!string.IsNullOrWhiteSpace(typed) && (year is null || year < PeriodInput.FirstYear || year > PeriodInput.LastYear))
            ModelState.AddModelError("year", $"Bitte geben Sie ein Jahr zwischen {PeriodInput.FirstYear} und {PeriodInput.LastYear} an.");
        var shown = ModelState.IsValid ? year ?? thisYear : thisYear;
        return View("Network", new Page(towns.All, await mediator.Send(new NetworkFigures.Query(shown), ct), year));
    }

    [HttpGet("Orte/Neu")]
    public IActionResult Add() => View("AddTown", new AddTown.Command());

    [HttpPost("Orte/Neu")]
    public async Task<IActionResult> Add(AddTown.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("AddTown", command);
        var result = await mediator.Send(command, ct);
        if (result.Problem is { } problem)
        {
            ModelState.AddModelError(result.Field ?? "", problem);
            return View("AddTown", command);
        }
        TempData[Notice.Key] = $"Der Ort „{command.Name!.Trim()}“ ist angelegt. {command.AdminEmail} bekommt eine Einladung, um ein Passwort zu wählen und den Ort einzurichten.";
        return RedirectToAction(nameof(Index));
    }
}
