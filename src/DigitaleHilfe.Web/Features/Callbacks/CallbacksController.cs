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
            TempData[Notice.Key] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToAction(nameof(Index));
        }
        return this.RedirectWithNotice(nameof(Index), await mediator.Send(command with { TaskId = id }, ct),
            command.Outcome == CallbackOutcome.NotReached ? "Nicht erreicht – der Rückruf steht zum neuen Termin wieder an." : "Der Rückruf ist erledigt.");
    }
}
