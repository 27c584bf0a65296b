namespace DigitaleHilfe.Web.Features.Search;

[Authorize(Policies.Hotline)]
[Route("Search")]
public sealed class SearchController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct) =>
        View("Search", await mediator.Send(new SearchEverything.Query(q), ct));
}
