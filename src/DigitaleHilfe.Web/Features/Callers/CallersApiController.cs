using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Callers;

// For the phone system: who is calling, and a link that opens the intake form for that number.
[ApiController]
[Authorize(Policies.Hotline)]
[IgnoreAntiforgeryToken]
public sealed class CallersApiController(IMediator mediator, PublicLinks links) : ControllerBase
{
    public sealed record IncomingCall(string? Phone);

    [HttpGet("api/v1/callers")]
    public async Task<IActionResult> ByPhone([FromQuery] string? phone, CancellationToken ct)
    {
        if (Phones.Normalise(phone).Problem is { } problem) return PhoneProblem(problem);
        return Ok((await mediator.Send(new CallerSummary.ByPhone(phone!), ct)).Select(Json));
    }

    [HttpPost("api/v1/calls/incoming")]
    public async Task<IActionResult> Incoming(IncomingCall call, CancellationToken ct)
    {
        if (Phones.Normalise(call.Phone) is not { E164: { } phone }) return PhoneProblem(Phones.Normalise(call.Phone).Problem!);
        var callers = await mediator.Send(new CallerSummary.ByPhone(phone), ct);
        return Ok(new
        {
            phone,
            callers = callers.Select(Json),
            intakeUrl = links.To($"Intake?Phone={Uri.EscapeDataString(phone)}"),
        });
    }

    private static object Json(CallerSummary.Summary s) => new
    {
        id = s.Caller.Id, name = s.Caller.Name, phones = s.Caller.Phones, notes = s.Caller.Notes,
        openRequests = s.Open.Select(r => new { id = r.Id, number = r.Number, topic = r.Topic, status = r.Status }),
        recentlyClosed = s.RecentlyClosed.Select(r => new { id = r.Id, number = r.Number, topic = r.Topic, status = r.Status }),
    };

    private BadRequestObjectResult PhoneProblem(string problem) =>
        new(Infrastructure.Validation.ApiProblems.Validation(new Dictionary<string, string[]> { ["phone"] = [problem] }))
        {
            ContentTypes = { "application/problem+json" },
        };
}
