using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.HelpRequests;

[Authorize(Policies.Hotline)]
[Route("HelpRequests")]
public sealed class HelpRequestsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RequestFilter filter, int page = 1, string? after = null, string? before = null, bool last = false,
        CancellationToken ct = default)
    {
        // A hand-edited query string (unknown status, page 0, a broken page token) shows the first page of everything.
        var at = new PageAt(page, after, before, last);
        if (!ModelState.IsValid || page < 1) (filter, at) = (new RequestFilter(), PageAt.First);
        if (!at.IsValid) at = PageAt.First;
        if (filter.OlderThanDays is < 0 or > 3650) filter = filter with { OlderThanDays = null };
        ViewData["Volunteers"] = await mediator.Send(new FilterVolunteers.Query(filter.Volunteer), ct);
        return View(await mediator.Send(new ListRequests.Query(filter, at.Page, LastPageWhenBeyond: true) { At = at }, ct));
    }

    // asOf: a moment in city time (the page's datetime-local field), for the request as it was then.
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, DateTime? asOf, CancellationToken ct)
    {
        if (asOf is { Year: < 2020 or > 2100 })
        {
            ModelState.AddModelError(nameof(asOf), "Bitte wählen Sie einen Zeitpunkt zwischen 2020 und 2100.");
            asOf = null;
        }
        return await DetailsAgainAsync(id, ct, asOf is { } local ? Shared.CityTime.FromLocal(local).ToUniversalTime() : null);
    }

    [HttpPost("{id:guid}/Details")]
    public async Task<IActionResult> AddDetails(Guid id, AddDetails.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await DetailsAgainAsync(id, ct);
        if (!await mediator.Send(command with { RequestId = id }, ct)) return await NotDoneAsync(id, ct);
        TempData[Notice.Key] = "Die Ergänzung ist gespeichert.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/Callback")]
    public async Task<IActionResult> PlanCallback(Guid id, Callbacks.Callbacks.Plan command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await DetailsAgainAsync(id, ct);
        if (await mediator.Send(command with { RequestId = id }, ct) is null) return await NotDoneAsync(id, ct);
        TempData[Notice.Key] = "Der Rückruf ist eingeplant.";
        return RedirectToAction(nameof(Details), new { id });
    }

    // A form opened before the senior's data was erased says so, instead of a "not found" page.
    private async Task<IActionResult> NotDoneAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetRequestDetails.Query(id), ct) is not { Request.AnonymisedAt: not null }) return NotFound();
        TempData[Notice.Key] = Lifecycle.Anonymised;
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IActionResult> DetailsAgainAsync(Guid id, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        if (await mediator.Send(new GetRequestDetails.Query(id, asOf), ct) is not { } details) return NotFound();
        if (User.IsInRole(nameof(Role.Coordinator)))
        {
            ViewData["Volunteers"] = (await mediator.Send(new AccountQueries.ListAccounts(), ct))
                .Where(a => a is { Active: true, IsApproved: true } && a.Has(Role.Volunteer)).ToList();
            if (details.Request.IsActive)
                ViewData["Suggestions"] = await mediator.Send(new Matching.Suggestions.ForRequest(id), ct);
        }
        return View(nameof(Details), details);
    }
}
