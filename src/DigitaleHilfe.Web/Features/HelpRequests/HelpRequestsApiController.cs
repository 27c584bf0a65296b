using DigitaleHilfe.Web.Features.Intake;

namespace DigitaleHilfe.Web.Features.HelpRequests;

[ApiController]
[Authorize(Policies.Hotline)]
[Route("api/v1/help-requests")]
// Only API keys authenticate the API, never cookies, so there is no CSRF to guard against.
[IgnoreAntiforgeryToken]
public sealed class HelpRequestsApiController(IMediator mediator) : ControllerBase
{
    // Idempotency-Key: a client that resends after a dropped connection gets the first answer again.
    [HttpPost]
    public async Task<IActionResult> Log([FromBody] LogCall.Command command, CancellationToken ct)
    {
        command = command with { Channel = RequestChannels.Api };
        if (Request.Headers.TryGetValue("Idempotency-Key", out var key)) command = command with { IdempotencyKey = key.ToString() };
        var result = await mediator.Send(command, ct);
        return CreatedAtAction(nameof(Get), new { id = result.Id }, result);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct) =>
        await mediator.Send(new GetRequestDetails.Query(id), ct) is { } details
            ? Ok(RequestJson.From(details))
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Diese Anfrage gibt es nicht.");

    // Page through with the links in "next" and "previous" (they start after the last or before the first request
    // shown, so requests arriving meanwhile neither repeat nor go missing); "page" numbers still work.
    [HttpGet]
    public async Task<IActionResult> List([FromQuery] RequestFilter filter, [FromQuery] int page = 1, [FromQuery] string? after = null,
        [FromQuery] string? before = null, [FromQuery] bool last = false, CancellationToken ct = default)
    {
        var result = await mediator.Send(new ListRequests.Query(filter, page) { At = new PageAt(page, after, before, last) }, ct);
        var query = Url.Content(filter.ToQuery().Replace("~/HelpRequests", "~/api/v1/help-requests"));
        string Link(string parameter) => $"{query}{(query.Contains('?') ? '&' : '?')}{parameter}";
        return Ok(new
        {
            items = result.Items.Select(r => RequestJson.Summary(r, result.CallerNameOf(r))),
            page = after is null && before is null && !last ? result.Page : (int?)null,
            pageSize = result.PageSize,
            // Counted up to 1,000; beyond that totalCount is 1000 and totalCountIsExact false.
            totalCount = result.TotalCount,
            totalCountIsExact = result.CountIsExact,
            totalPages = result.TotalPages,
            next = result.NextToken is { } next ? Link($"after={next}") : null,
            previous = result.PreviousToken is { } previous ? Link($"before={previous}") : null,
            first = query,
            last = Link("last=true"),
        });
    }
}

// The API's shape, kept apart from the state record so the two can change separately.
internal static class RequestJson
{
    public static object Summary(HelpRequest r, string callerName) => new
    {
        id = r.Id, number = r.Number, status = r.Status, callerId = r.CallerId, callerName,
        topic = r.Topic, district = r.District, helpMode = r.HelpMode, urgent = r.Urgent, loggedAt = r.LoggedAt,
    };

    public static object From(GetRequestDetails.Details d) => new
    {
        id = d.Request.Id, number = d.Request.Number, status = d.Request.Status, version = d.Version,
        callerId = d.Request.CallerId, callerName = d.CallerName, phones = d.Caller?.Phones ?? [d.Request.Phone],
        topic = d.Request.Topic, description = d.Request.Description, addedDetails = d.Request.AddedDetails,
        district = d.Request.District, helpMode = d.Request.HelpMode, preferredTimes = d.Request.PreferredTimes,
        urgent = d.Request.Urgent, consentVersion = d.Request.ConsentVersion, loggedAt = d.Request.LoggedAt, loggedBy = d.Request.LoggedBy,
        timeline = d.Timeline.Select(t => new { type = t.Type, at = t.At, by = t.By, text = t.Text }),
    };
}
