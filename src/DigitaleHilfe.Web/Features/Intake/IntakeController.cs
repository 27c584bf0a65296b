using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DigitaleHilfe.Web.Features.Intake;

[Authorize(Policies.Hotline)]
[Route("Intake")]
public sealed class IntakeController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new LogCall.Command());

    [HttpPost("")]
    public async Task<IActionResult> Index(LogCall.Command command, CancellationToken ct)
    {
        // Invalid input re-renders the form with everything the operator typed and each field marked.
        if (!ModelState.IsValid) return View(command);

        var result = await mediator.Send(command, ct);
        TempData[Notice.Key] = $"Die Anfrage wurde gespeichert. Vorgangsnummer: {result.Number}";
        return RedirectToAction("Details", "HelpRequests", new { id = result.Id });
    }
}
