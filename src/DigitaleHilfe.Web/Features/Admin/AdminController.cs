using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Admin;

[Authorize(Policies.Administration)]
[Route("Admin")]
public sealed class AdminController(IMediator mediator) : Controller
{
    [HttpGet("Accounts")]
    public async Task<IActionResult> Accounts(CancellationToken ct) =>
        View("Accounts", await mediator.Send(new AccountQueries.ListAccounts(), ct));

    [HttpPost("Accounts/Invite")]
    public async Task<IActionResult> Invite(InviteStaff.Command command, CancellationToken ct)
    {
        if (ModelState.IsValid && await mediator.Send(command, ct) is { } refusal) ModelState.AddModelError(nameof(command.Email), refusal);
        if (!ModelState.IsValid)
        {
            ViewData["Invite"] = command;
            return View("Accounts", await mediator.Send(new AccountQueries.ListAccounts(), ct));
        }
        TempData[Notice.Key] = $"Die Einladung an {command.Email.Trim()} ist unterwegs. Die Person legt über den Link ihr Passwort selbst fest.";
        return RedirectToAction(nameof(Accounts));
    }

    [HttpPost("Accounts/{id:guid}/PasswordLink")]
    public async Task<IActionResult> PasswordLink(Guid id, CancellationToken ct) =>
        this.RedirectWithNotice(nameof(Accounts), await mediator.Send(new SendPasswordLink.Command(id), ct),
            "Der Link zum Festlegen eines neuen Passworts ist per E-Mail unterwegs.");

    [HttpPost("Accounts/{id:guid}/Roles")]
    public async Task<IActionResult> Roles(Guid id, [FromForm] List<Role> roles, CancellationToken ct) =>
        !ModelState.IsValid ? this.RedirectWithNotice(nameof(Accounts), Invalid, "") : this.RedirectWithNotice(nameof(Accounts), await mediator.Send(new ChangeRoles.Command(id, roles), ct), "Die Rollen wurden geändert.");

    [HttpPost("Accounts/{id:guid}/Active")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken ct) =>
        !ModelState.IsValid ? this.RedirectWithNotice(nameof(Accounts), Invalid, "") : this.RedirectWithNotice(nameof(Accounts), await mediator.Send(new SetAccountActive.Command(id, active), ct),
            active ? "Das Konto ist wieder aktiv." : "Das Konto ist deaktiviert; alle Anmeldungen und API-Schlüssel sind gesperrt.");

    [HttpPost("Accounts/{id:guid}/Erase")]
    public async Task<IActionResult> Erase(Guid id, bool confirm, CancellationToken ct) =>
        !confirm ? this.RedirectWithNotice(nameof(Accounts), "Bitte bestätigen Sie die Löschung mit dem Häkchen; es wurde nichts geändert.", "")
        : this.RedirectWithNotice(nameof(Accounts), await mediator.Send(new Privacy.EraseAccount.Command(id), ct),
            "Das Konto ist gelöscht. Name und E-Mail-Adresse stehen nirgends mehr; die geleisteten Stunden zählen weiter in der Statistik.");

    [HttpGet("Audit")]
    public async Task<IActionResult> Audit(int page = 1, CancellationToken ct = default) =>
        View("Audit", await mediator.Send(new AccountQueries.ListAudit(page < 1 ? 1 : page), ct));


    private const string Invalid = "Die Eingabe war ungültig; es wurde nichts geändert.";
}
