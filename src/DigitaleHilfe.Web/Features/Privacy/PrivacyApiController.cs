namespace DigitaleHilfe.Web.Features.Privacy;

// For the city's case-management tools: erasure, a withdrawn consent, and the Art. 15 export.
[ApiController]
[Route("api/v1/callers/{id:guid}")]
// Only API keys authenticate the API, never cookies, so there is no CSRF to guard against.
[IgnoreAntiforgeryToken]
public sealed class PrivacyApiController(IMediator mediator) : ControllerBase
{
    public sealed record EraseBody(string? Reason);

    public sealed record WithdrawalBody(string? Note);

    // Idempotent: erasing an erased person answers 200 with the first erasure's time.
    [HttpPost("erase"), Authorize(Policies.Erasure)]
    public async Task<IActionResult> Erase(Guid id, EraseBody? body, CancellationToken ct) =>
        Answer(await mediator.Send(new EraseCaller.Command(id, ErasureReason.Request, body?.Reason?.Trim()), ct));

    [HttpPost("consent-withdrawn"), Authorize(Policies.Hotline)]
    public async Task<IActionResult> ConsentWithdrawn(Guid id, WithdrawalBody? body, CancellationToken ct) =>
        Answer(await mediator.Send(new WithdrawConsent.Command(id, body?.Note), ct));

    [HttpGet("export"), Authorize(Policies.Erasure)]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct) =>
        await mediator.Send(new CallerExport.Query(id), ct) is { } export ? Ok(export) : NotFoundProblem();

    private IActionResult Answer(EraseCaller.Result result) => result.Outcome switch
    {
        EraseCaller.Outcome.NotFound => NotFoundProblem(),
        EraseCaller.Outcome.Refused => Problem(statusCode: StatusCodes.Status409Conflict, title: result.Refusal),
        _ => Ok(new { callerId = result.CallerId, anonymisedAt = result.At, requests = result.Requests, alreadyErased = result.Outcome == EraseCaller.Outcome.AlreadyErased }),
    };

    private ObjectResult NotFoundProblem() => Problem(statusCode: StatusCodes.Status404NotFound, title: "Diese Person gibt es nicht.");
}
