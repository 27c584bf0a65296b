using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Callers;

[Authorize(Policies.Hotline)]
[Route("Callers")]
public sealed class CallersController(IMediator mediator) : Controller
{
    public const string DuplicatesKey = "Duplicates";
    public const string HelpersKey = "Helpers";

    // ?duplicate=… searches for a second entry of the same person to merge into this one.
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, string? duplicate, CancellationToken ct)
    {
        if (await mediator.Send(new CallerSummary.ById(id), ct) is not { } summary) return NotFound();
        if (summary.Caller.MergedInto is { } survivor) return RedirectToAction(nameof(Show), new { id = survivor });
        ViewData[HelpersKey] = await mediator.Send(new CallerSummary.Helpers(id), ct);
        if (!string.IsNullOrWhiteSpace(duplicate))
            ViewData[DuplicatesKey] = (await mediator.Send(new SearchCallers.Query(duplicate), ct)).Where(c => c.Id != id).ToList();
        return View("Caller", summary);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, UpdateCaller.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await mediator.Send(new CallerSummary.ById(id), ct) is { } summary ? View("Caller", summary) : NotFound();
        if (!await mediator.Send(command with { CallerId = id }, ct)) return NotFound();
        TempData[Notice.Key] = "Die Angaben zur Person sind gespeichert.";
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:guid}/Merge")]
    public async Task<IActionResult> Merge(Guid id, Guid duplicateId, CancellationToken ct)
    {
        var refusal = await mediator.Send(new MergeCallers.Command(id, duplicateId), ct);
        TempData[Notice.Key] = refusal ?? "Die beiden Einträge sind zusammengeführt; alle Anfragen gehören jetzt zu dieser Person.";
        return RedirectToAction(nameof(Show), new { id });
    }
}
