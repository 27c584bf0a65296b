using System.Security.Claims;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Matching;

// The "Ich übernehme das" link from an invitation email. Signing in is required; the link works once,
// for the invited person, until it expires; the claim itself follows the normal rule, so the second
// person to click learns that someone else was quicker.
[Authorize(Policies.Volunteering)]
[Route("Invitations/{token}")]
public sealed class InvitationsController(IMediator mediator, IDocumentSession session, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        if (await ValidAsync(token, ct) is not { } invitation) return Invalid();
        var details = await mediator.Send(new GetRequestDetails.Query(invitation.RequestId!.Value), ct);
        return details is null ? Invalid() : View("Invitation", (token, details));
    }

    [HttpPost("")]
    public async Task<IActionResult> Claim(string token, CancellationToken ct)
    {
        if (await ValidAsync(token, ct) is not { } invitation) return Invalid();
        session.Store(invitation with { UsedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);

        var requestId = invitation.RequestId!.Value;
        var result = await mediator.Send(new ChangeRequest.Command(requestId, new HelpRequests.Claim(ChangeRequest.Volunteer(Guid.Empty))), ct);
        if (result.Succeeded)
        {
            TempData[Notice.Key] = "Sie haben die Anfrage übernommen. Die Kontaktdaten stehen unten.";
            return Redirect($"~/Board/{requestId}");
        }
        return View("Message", new MessagePage(
            result.Kind == WriteKind.Conflict ? "Bereits übernommen" : "Das hat nicht geklappt",
            result.Kind == WriteKind.Conflict
                ? "Jemand anderes war schneller und hat diese Anfrage bereits übernommen. Danke, dass Sie helfen wollten!"
                : result.Reason ?? "", ("Andere offene Anfragen ansehen", "~/Board")));
    }

    private async Task<AccountToken?> ValidAsync(string token, CancellationToken ct)
    {
        var found = await AccountTokens.FindValidAsync(session, token, TokenPurpose.ClaimInvitation, clock.GetUtcNow(), ct);
        return found is { RequestId: not null } && found.AccountId.ToString() == User.FindFirstValue(ClaimTypes.NameIdentifier) ? found : null;
    }

    private ViewResult Invalid() => View("Message", new MessagePage("Einladung nicht mehr gültig",
        "Dieser Link ist abgelaufen, wurde schon benutzt oder gehört zu einem anderen Konto.", ("Offene Anfragen ansehen", "~/Board")));
}
