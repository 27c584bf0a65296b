using DigitaleHilfe.Web.Infrastructure.Auth;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DigitaleHilfe.Web.Features.HelpRequests;

[Authorize(Policies.Hotline)]
[Route("HelpRequests")]
public sealed class HelpRequestsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(RequestStatus? status, int page = 1, CancellationToken ct = default)
    {
        // A hand-edited query string (unknown status, page 0) shows the first page of everything.
        if (!ModelState.IsValid || page < 1) (status, page) = (null, 1);
        return View(await mediator.Send(new ListRequests.Query(status, page), ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct) =>
        await mediator.Send(new GetRequestDetails.Query(id), ct) is { } details ? View(details) : NotFound();
}
