using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Tenancy;

namespace DigitaleHilfe.Web.Features.Towns;

[Authorize(Policies.Administration)]
[Route("Admin/Ort")]
public sealed class TownSettingsController(IMediator mediator, TownDirectory towns) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        return View("Settings", TownSettings.Command.Of(Current()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(TownSettings.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Settings", command);
        await mediator.Send(command, ct);
        TempData[Notice.Key] = "Die Angaben des Ortes sind gespeichert. Seiten und E-Mails verwenden sie ab sofort.";
        return RedirectToAction(nameof(Index));
    }

    private Town Current() => towns.Find(TownContext.Id ?? "") ?? towns.All[0];
}
