using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Coordination;

[Authorize(Policies.Coordination)]
[Route("Coordination/Volunteers")]
public sealed class VolunteersController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Volunteers", await mediator.Send(new VolunteerOverview.Query(), ct));

    [HttpPost("{id:guid}/Approve")]
    public async Task<IActionResult> Approve(Guid id, CertificateInput certificate, CancellationToken ct) =>
        !ModelState.IsValid ? await AgainAsync(id, "approve", ct)
            : this.RedirectWithNotice(nameof(Index), await mediator.Send(new ApproveVolunteer.Command(id, certificate.IssuedOn, certificate.SeenOn), ct),
                certificate.IssuedOn is null
                    ? "Die Person ist freigeschaltet und hilft per Telefon oder Video, bis ihr Führungszeugnis eingetragen ist. Sie bekommt eine E-Mail."
                    : "Die Person ist freigeschaltet und bekommt eine E-Mail.");

    [HttpPost("{id:guid}/Reject")]
    public async Task<IActionResult> Reject(Guid id, RejectVolunteer.Command command, CancellationToken ct) =>
        !ModelState.IsValid ? await AgainAsync(id, "reject", ct)
            : this.RedirectWithNotice(nameof(Index), await mediator.Send(command with { AccountId = id }, ct),
                command.ShowReason ? "Die Anmeldung ist abgelehnt; die Person bekommt eine E-Mail mit dem Grund." : "Die Anmeldung ist abgelehnt; die Person bekommt eine E-Mail (ohne den Grund).");

    [HttpPost("{id:guid}/Certificate")]
    public async Task<IActionResult> Certificate(Guid id, CertificateInput certificate, CancellationToken ct)
    {
        if (certificate.IssuedOn is null) ModelState.AddModelError(nameof(CertificateInput.IssuedOn), "Bitte geben Sie an, wann das Führungszeugnis ausgestellt wurde.");
        if (!ModelState.IsValid) return await AgainAsync(id, "certificate", ct);
        return this.RedirectWithNotice(nameof(Index),
            await mediator.Send(new RecordCertificate.Command(id, certificate.IssuedOn!.Value, certificate.SeenOn!.Value), ct), "Das Führungszeugnis ist eingetragen.");
    }

    [HttpPost("{id:guid}/Active")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken ct) =>
        !ModelState.IsValid ? this.RedirectWithNotice(nameof(Index), Invalid, "") : this.RedirectWithNotice(nameof(Index), await mediator.Send(new SetAccountActive.Command(id, active), ct),
            active ? "Das Konto ist wieder aktiv." : "Das Konto ist deaktiviert; alle Anmeldungen sind beendet.");

    // The page again with this volunteer's form open and its field errors.
    private async Task<IActionResult> AgainAsync(Guid id, string form, CancellationToken ct)
    {
        ViewData["Failed"] = (id, form);
        return View("Volunteers", await mediator.Send(new VolunteerOverview.Query(), ct));
    }

    private const string Invalid = "Die Eingabe war ungültig; es wurde nichts geändert.";
}
