namespace DigitaleHilfe.Web.Features.HelpRequests;

// The same steps for API clients: 200 {status, version} (also for a step already done); 409 when someone
// else holds the request; 412 when If-Match names a version that is no longer current; 429 past the claim
// limits; 422 for a step the request's state or the caller's role does not allow.
[ApiController]
[Authorize(Policies.RequestWork)]
[IgnoreAntiforgeryToken]
[Route("api/v1/help-requests/{id:guid}")]
public sealed class RequestStepsApiController(IMediator mediator) : ControllerBase
{
    [HttpPost("claim")]
    public Task<IActionResult> Claim(Guid id, CancellationToken ct) => Step(id, new Claim(ChangeRequest.Volunteer(Guid.Empty)), ct);

    [HttpPost("release")]
    public Task<IActionResult> Release(Guid id, ReasonInput input, CancellationToken ct) => Step(id, new Release(input.Reason.Trim()), ct);

    [HttpPost("appointment")]
    public Task<IActionResult> Appointment(Guid id, AppointmentInput input, CancellationToken ct) =>
        Step(id, new Schedule(input.When, input.Mode, input.Place?.Trim()), ct);

    [HttpPost("appointment/cancel")]
    public Task<IActionResult> CancelAppointment(Guid id, CancelAppointmentInput? input, CancellationToken ct) =>
        Step(id, new CancelAppointment(string.IsNullOrWhiteSpace(input?.Reason) ? null : input.Reason.Trim()), ct);

    [HttpPost("resolve")]
    public Task<IActionResult> Resolve(Guid id, ResolveInput input, CancellationToken ct) =>
        Step(id, input.ToAction(), ct);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(Guid id, CancellationToken ct) => Step(id, new Reopen(), ct);

    [HttpPost("close")]
    public Task<IActionResult> Close(Guid id, CancellationToken ct) => Step(id, new Close(), ct);

    [HttpPost("cancel")]
    public Task<IActionResult> Cancel(Guid id, ReasonInput input, CancellationToken ct) => Step(id, new Cancel(input.Reason.Trim()), ct);

    [HttpPost("assign")]
    public Task<IActionResult> Assign(Guid id, AssignInput input, CancellationToken ct) =>
        Step(id, new Assign(ChangeRequest.Volunteer(input.VolunteerId!.Value)), ct);

    private async Task<IActionResult> Step(Guid id, RequestAction action, CancellationToken ct)
    {
        if (!IfMatch.TryRead(Request, out var expected))
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: IfMatch.Malformed);
        var result = await mediator.Send(new ChangeRequest.Command(id, action, expected), ct);
        if (result.State is not null) Response.Headers.ETag = IfMatch.Tag(result.Version);
        return result.Kind switch
        {
            WriteKind.Done or WriteKind.AlreadyDone => Ok(new { status = result.State!.Status, version = result.Version }),
            WriteKind.NotFound => Problem(statusCode: StatusCodes.Status404NotFound, title: result.Reason),
            WriteKind.Conflict => Problem(statusCode: StatusCodes.Status409Conflict, title: result.Reason),
            WriteKind.Stale => Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: result.Reason),
            WriteKind.Limited => Problem(statusCode: StatusCodes.Status429TooManyRequests, title: result.Reason),
            _ => Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: result.Reason),
        };
    }
}
