using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Intake;

[Authorize(Policies.Hotline)]
[Route("Intake")]
public sealed class IntakeController(IMediator mediator) : Controller
{
    public const string MatchesKey = "CallerMatches";

    // With ?phone=… (the "Suchen" button without JavaScript, or a phone system's screen pop) the form
    // opens with that number and the callers known under it.
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] LogCall.Command command, CancellationToken ct)
    {
        ModelState.Clear(); // an empty or half-typed form is not an error yet
        await LookUpAsync(command, ct);
        return View(command);
    }

    // The caller panel alone, for htmx while the operator types the number.
    [HttpGet("Caller")]
    public async Task<IActionResult> Caller(string? phone, string? topic, CancellationToken ct) =>
        PartialView("_CallerPanel", await mediator.Send(new CallerSummary.ByPhone(phone ?? "", topic), ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(LogCall.Command command, CancellationToken ct)
    {
        // Invalid input re-renders the form with everything the operator typed and each field marked.
        if (!ModelState.IsValid)
        {
            await LookUpAsync(command, ct);
            return View(nameof(Index), command);
        }

        try
        {
            var result = await mediator.Send(command, ct);
            return RedirectToAction(nameof(Done), new { id = result.Id });
        }
        catch (InputValidationException invalid)
        {
            // Rules only the handler can check (a picked caller was merged away meanwhile) still
            // come back as field errors on the form, with everything typed kept.
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages) ModelState.AddModelError(field, message);
            await LookUpAsync(command, ct);
            return View(nameof(Index), command);
        }
    }

    // The number, large, to read out to the senior; then straight on to the next call.
    [HttpGet("Done/{id:guid}")]
    public async Task<IActionResult> Done(Guid id, CancellationToken ct) =>
        await mediator.Send(new GetRequestDetails.Query(id), ct) is { } details ? View(details) : NotFound();

    private async Task LookUpAsync(LogCall.Command command, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(command.Phone))
            ViewData[MatchesKey] = await mediator.Send(new CallerSummary.ByPhone(command.Phone, command.Topic), ct);
    }
}
