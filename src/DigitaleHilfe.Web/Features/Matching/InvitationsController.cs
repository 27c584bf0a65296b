using System.Security.Claims;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Matching;

// The "Ich übernehme das" link from an invitation email. Signing in is required; the link works for the invited
// person, in the town it came from, until it expires, and not again once that person holds the request; the claim
// itself follows the normal rule, so the second person to click learns that someone else was quicker.
[Authorize(Policies.Volunteering)]
[Route("Invitations/{token}")]
public sealed class InvitationsController(IMediator mediator, IDocumentSession session, InvitationLinks links, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        if (await ValidAsync(token, ct) is not { } invitation) return Invalid();
        var details = await mediator.Send(new GetRequestDetails.Query(invitation.RequestId), ct);
        return details is null ? Invalid() : View("Invitation", (token, details));
    }

    [HttpPost("")]
    public async Task<IActionResult> Claim(string token, CancellationToken ct)
    {
        if (await ValidAsync(token, ct) is not { } invitation) return Invalid();
        if (invitation.Stored is { } stored)
        {
            session.Store(stored with { UsedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(ct);
        }

        var requestId = invitation.RequestId;
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

    private sealed record Invitation(Guid RequestId, AccountToken? Stored);

    private async Task<Invitation?> ValidAsync(string token, CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (links.Read(token) is { } grant)
        {
            if (grant.Town != session.TenantId || grant.AccountId.ToString() != me || grant.ExpiresAt <= clock.GetUtcNow()) return null;
            // Used: the invited person holds the request now. Anyone else's claim is left to the claim rule ("someone was quicker").
            return await session.LoadAsync<HelpRequest>(grant.RequestId, ct) is { } request && request.VolunteerId?.ToString() != me
                ? new Invitation(request.Id, null) : null;
        }
        // Links sent before invitations were sealed are stored tokens; they work once, until they expire.
        var found = await AccountTokens.FindValidAsync(session, token, TokenPurpose.ClaimInvitation, clock.GetUtcNow(), ct);
        return found is { RequestId: { } id } && found.AccountId.ToString() == me ? new Invitation(id, found) : null;
    }

    private ViewResult Invalid() => View("Message", new MessagePage("Einladung nicht mehr gültig",
        "Dieser Link ist abgelaufen, wurde schon benutzt oder gehört zu einem anderen Konto.", ("Offene Anfragen ansehen", "~/Board")));
}
