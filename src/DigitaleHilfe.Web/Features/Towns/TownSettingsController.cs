using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Towns;

[Authorize(Policies.Administration)]
[Route("Admin/Ort")]
public sealed class TownSettingsController(IMediator mediator, TownDirectory towns) : Controller
{
    private const string Saved = "Die Angaben des Ortes sind gespeichert. Seiten und E-Mails verwenden sie ab sofort.";

    [HttpGet("")]
    public IActionResult Index() => View("Settings", TownSettings.Command.Of(Current()));

    [HttpPost("")]
    public async Task<IActionResult> Save(TownSettings.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Settings", command);
        if (await mediator.Send(command, ct) == TownEdits.Outcome.ChangedMeanwhile) return Stale("Settings", TownSettings.Command.Of(Current()));
        TempData[Notice.Key] = Saved;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("Auswahl")]
    public IActionResult Choices() => View("Choices", TownChoices.Command.Of(Current()));

    [HttpPost("Auswahl")]
    public async Task<IActionResult> SaveChoices(TownChoices.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Choices", command);
        if (await mediator.Send(command, ct) == TownEdits.Outcome.ChangedMeanwhile) return Stale("Choices", TownChoices.Command.Of(Current()));
        TempData[Notice.Key] = "Themen, Stadtteile und Gewichte des Ortes sind gespeichert. Neue Anfragen und Vorschläge verwenden sie ab sofort.";
        return RedirectToAction(nameof(Choices));
    }

    // The form again with what is stored now, and why: the typed values would undo the other person's change.
    private ViewResult Stale(string view, object current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", TownEdits.ChangedMeanwhile);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(view, current);
    }

    private Town Current() => towns.ForWork() ?? towns.All[0];
}
