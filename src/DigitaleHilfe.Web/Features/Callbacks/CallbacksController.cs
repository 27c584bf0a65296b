using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Callbacks;

[Authorize(Policies.Hotline)]
[Route("Callbacks")]
public sealed class CallbacksController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("Callbacks", await mediator.Send(new Callbacks.ListOpen(), ct));

    [HttpPost("{id:guid}/Complete")]
    public async Task<IActionResult> Complete(Guid id, Callbacks.Complete command, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // The list again, with this card's errors and the confirmation for an unusual time.
            ViewData["FailedTask"] = id;
            return View("Callbacks", await mediator.Send(new Callbacks.ListOpen(), ct));
        }
        return this.RedirectWithNotice(nameof(Index), await mediator.Send(command with { TaskId = id }, ct),
            command.Outcome == CallbackOutcome.NotReached ? "Nicht erreicht – der Rückruf steht zum neuen Termin wieder an." : "Der Rückruf ist erledigt.");
    }
}
