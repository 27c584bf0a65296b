using Microsoft.AspNetCore.RateLimiting;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Reminders;

// Public: reached from the follow-up email by seniors who have no account.
[AllowAnonymous]
[Route("Nachfrage/{token}")]
public sealed class FollowUpController(IMediator mediator, IQuerySession session, TimeProvider clock, Catalog.Catalog catalog) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct) =>
        await AnswerFollowUp.FindAsync(session, token, clock.GetUtcNow(), ct) is var (_, request)
            ? View("FollowUp", new FollowUpPage(token, catalog.TopicLabel(request.Topic), request.VolunteerName, new AnswerFollowUp.Command { Token = token }))
            : Invalid();

    [HttpPost(""), EnableRateLimiting(Accounts.AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> Answer(string token, AnswerFollowUp.Command command, CancellationToken ct)
    {
        if (await AnswerFollowUp.FindAsync(session, token, clock.GetUtcNow(), ct) is not var (_, request)) return Invalid();
        if (!ModelState.IsValid)
            return View("FollowUp", new FollowUpPage(token, catalog.TopicLabel(request.Topic), request.VolunteerName, command with { Token = token }));
        if (await mediator.Send(command with { Token = token }, ct) is { } refusal)
            return View("Message", new MessagePage(refusal == AnswerFollowUp.AlreadyAnswered ? "Bereits beantwortet" : "Link nicht mehr gültig", refusal));
        return View("Message", new MessagePage("Vielen Dank für Ihre Antwort!", command.AllGood == true
            ? "Schön, dass alles geklappt hat. Wenn Sie wieder Hilfe brauchen, rufen Sie uns einfach an."
            : "Wir melden uns bald telefonisch bei Ihnen und schauen, wie wir weiterhelfen können."));
    }

    private ViewResult Invalid() => View("Message", new MessagePage("Link nicht mehr gültig",
        "Dieser Link ist nicht mehr gültig – vielleicht haben Sie schon geantwortet. Wenn Sie noch Hilfe brauchen, rufen Sie uns gern an."));
}

public sealed record FollowUpPage(string Token, string Topic, string? VolunteerName, AnswerFollowUp.Command Form);
