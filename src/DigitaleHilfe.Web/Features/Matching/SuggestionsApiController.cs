namespace DigitaleHilfe.Web.Features.Matching;

[ApiController]
[Authorize(Policies.Coordination)]
[Route("api/v1/help-requests/{id:guid}/suggestions")]
public sealed class SuggestionsApiController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get(Guid id, [FromQuery] int take = 5, CancellationToken ct = default) =>
        await mediator.Send(new Suggestions.ForRequest(id, Math.Clamp(take, 1, 50)), ct) is { } suggestions
            ? Ok(suggestions.Select(s => new { volunteerId = s.VolunteerId, name = s.Name, score = s.Score, reasons = s.Reasons }))
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Diese Anfrage gibt es nicht.");
}
