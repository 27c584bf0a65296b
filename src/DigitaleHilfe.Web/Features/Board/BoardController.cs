using DigitaleHilfe.Web.Features.Callers;
using System.Security.Claims;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Board;

// The volunteers' side: open requests without personal data, one's own requests, one's profile.
[Authorize(Policies.Volunteering)]
[Route("Board")]
public sealed class BoardController(IMediator mediator, IQuerySession session, IAuthorizationService authorization) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? topic, string? district, string? mode, CancellationToken ct)
    {
        ViewData["Filter"] = (topic, district, mode);
        ViewData["Profile"] = await session.LoadAsync<VolunteerProfile>(Me, ct) ?? new VolunteerProfile(Me);
        return View("Board", await mediator.Send(new BoardQueries.OpenRequests(Me, topic, district, mode), ct));
    }

    // A request as a volunteer sees it; the senior's contact details only when it is theirs, and
    // every such view is recorded in the request's history.
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetRequestDetails.Query(id), ct) is not { } details) return NotFound();
        var mine = details.Request.VolunteerId == Me;
        if (!mine && details.Request.Status != RequestStatus.Open) return View("Taken", details);
        if (mine && (await authorization.AuthorizeAsync(User, details.Request, CallerContact.Requirement)).Succeeded)
        {
            await mediator.Send(new RecordContactView(id), ct);
            ViewData["Contact"] = true;
        }
        return View("Request", details);
    }

    // The printable visit sheet: only for the claimer, and recorded like any other look at the contact details.
    [HttpGet("{id:guid}/Besuchszettel")]
    public async Task<IActionResult> VisitSheet(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new GetRequestDetails.Query(id), ct) is not { } details) return NotFound();
        if (details.Request.VolunteerId != Me || !(await authorization.AuthorizeAsync(User, details.Request, CallerContact.Requirement)).Succeeded)
            return Forbid();
        await mediator.Send(new RecordContactView(id), ct);
        return View("VisitSheet", details);
    }

    [HttpGet("Mine")]
    public async Task<IActionResult> Mine(CancellationToken ct) => View("Mine", await mediator.Send(new BoardQueries.Mine(Me), ct));
}
