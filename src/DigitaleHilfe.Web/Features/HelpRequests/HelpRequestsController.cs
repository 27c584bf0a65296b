using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.HelpRequests;

[Authorize(Policies.Hotline)]
[Route("HelpRequests")]
public sealed class HelpRequestsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] RequestFilter filter, int page = 1, CancellationToken ct = default)
    {
        // A hand-edited query string (unknown status, page 0) shows the first page of everything.
        if (!ModelState.IsValid || page < 1) (filter, page) = (new RequestFilter(), 1);
        if (filter.OlderThanDays is < 0 or > 3650) filter = filter with { OlderThanDays = null };
        ViewData["Volunteers"] = (await mediator.Send(new AccountQueries.ListAccounts(), ct)).Where(a => a.Has(Role.Volunteer)).OrderBy(a => a.Name).ToList();
        return View(await mediator.Send(new ListRequests.Query(filter, page, LastPageWhenBeyond: true), ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct) => await DetailsAgainAsync(id, ct);

    [HttpPost("{id:guid}/Details")]
    public async Task<IActionResult> AddDetails(Guid id, AddDetails.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await DetailsAgainAsync(id, ct);
        if (!await mediator.Send(command with { RequestId = id }, ct)) return NotFound();
        TempData[Notice.Key] = "Die Ergänzung ist gespeichert.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/Callback")]
    public async Task<IActionResult> PlanCallback(Guid id, Callbacks.Callbacks.Plan command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await DetailsAgainAsync(id, ct);
        if (await mediator.Send(command with { RequestId = id }, ct) is null) return NotFound();
        TempData[Notice.Key] = "Der Rückruf ist eingeplant.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IActionResult> DetailsAgainAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetRequestDetails.Query(id), ct) is not { } details) return NotFound();
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
