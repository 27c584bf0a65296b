using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Coordination;

[Authorize(Policies.Coordination)]
[Route("Coordination/Volunteers")]
public sealed class VolunteersController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var accounts = await mediator.Send(new AccountQueries.ListAccounts(), ct);
        return View("Volunteers", accounts.Where(a => a.Has(Role.Volunteer))
            .OrderBy(a => a.IsApproved).ThenBy(a => a.Name).ToList());
    }

    [HttpPost("{id:guid}/Approve")]
    public async Task<IActionResult> Approve(Guid id, bool certificateOfConductSeen, CancellationToken ct) =>
        !ModelState.IsValid ? this.RedirectWithNotice(nameof(Index), Invalid, "") : this.RedirectWithNotice(nameof(Index), await mediator.Send(new ApproveVolunteer.Command(id, certificateOfConductSeen), ct), "Die Person ist jetzt freigeschaltet.");

    [HttpPost("{id:guid}/Active")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken ct) =>
        !ModelState.IsValid ? this.RedirectWithNotice(nameof(Index), Invalid, "") : this.RedirectWithNotice(nameof(Index), await mediator.Send(new SetAccountActive.Command(id, active), ct),
            active ? "Das Konto ist wieder aktiv." : "Das Konto ist deaktiviert; alle Anmeldungen sind beendet.");

    private const string Invalid = "Die Eingabe war ungültig; es wurde nichts geändert.";
}
