using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// The buttons on a request page. Each step is decided by Lifecycle; the page says what happened.
[Authorize(Policies.RequestWork)]
[Route("HelpRequests/{id:guid}")]
public sealed class RequestStepsController(IMediator mediator) : Controller
{
    [HttpPost("Claim")]
    public Task<IActionResult> Claim(Guid id, CancellationToken ct) =>
        Step(id, new Claim(ChangeRequest.Volunteer(Guid.Empty)), "Sie haben die Anfrage übernommen. Die Kontaktdaten stehen jetzt unten.", ct);

    [HttpPost("Release")]
    public Task<IActionResult> Release(Guid id, ReasonInput input, CancellationToken ct) =>
        Step(id, new Release(input.Reason.Trim()), "Die Anfrage ist zurück auf der Übersicht.", ct);

    [HttpPost("Appointment")]
    public Task<IActionResult> Appointment(Guid id, AppointmentInput input, CancellationToken ct) =>
        Step(id, ModelState.IsValid ? new Schedule(input.When, input.Mode, input.Place?.Trim()) : null!, "Der Termin ist eingetragen.", ct);

    [HttpPost("CancelAppointment")]
    public Task<IActionResult> CancelAppointment(Guid id, string? reason, CancellationToken ct) =>
        Step(id, new CancelAppointment(reason), "Der Termin ist abgesagt.", ct);

    [HttpPost("Note")]
    public Task<IActionResult> Note(Guid id, NoteInput input, CancellationToken ct) =>
        Step(id, new AddNote(input.Text.Trim()), "Die Notiz ist gespeichert.", ct);

    [HttpPost("Resolve")]
    public Task<IActionResult> Resolve(Guid id, ResolveInput input, CancellationToken ct) =>
        Step(id, ModelState.IsValid ? new Resolve(input.Outcome!.Value, input.MinutesSpent!.Value) : null!, "Danke! Das Ergebnis ist gespeichert.", ct);

    [HttpPost("Reopen")]
    public Task<IActionResult> Reopen(Guid id, CancellationToken ct) => Step(id, new Reopen(), "Die Anfrage ist wieder offen.", ct);

    [HttpPost("Close")]
    public Task<IActionResult> Close(Guid id, CancellationToken ct) => Step(id, new Close(), "Die Anfrage ist abgeschlossen.", ct);

    [HttpPost("Cancel")]
    public Task<IActionResult> Cancel(Guid id, ReasonInput input, CancellationToken ct) =>
        Step(id, new Cancel(input.Reason.Trim()), "Die Anfrage ist zurückgezogen.", ct);

    [HttpPost("Assign")]
    public Task<IActionResult> Assign(Guid id, AssignInput input, CancellationToken ct) =>
        Step(id, ModelState.IsValid ? new Assign(ChangeRequest.Volunteer(input.VolunteerId!.Value)) : null!, "Die Anfrage ist zugewiesen.", ct);

    private async Task<IActionResult> Step(Guid id, RequestAction action, string success, CancellationToken ct)
    {
        var back = User.IsInRole(nameof(Role.Operator)) || User.IsInRole(nameof(Role.Coordinator)) ? $"/HelpRequests/{id}" : $"/Board/{id}";
        if (!ModelState.IsValid)
        {
            TempData[Notice.Key] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Redirect(back);
        }
        var result = await mediator.Send(new ChangeRequest.Command(id, action), ct);
        if (result.Kind == ChangeRequest.Kind.NotFound) return NotFound();
        TempData[Notice.Key] = result.Reason ?? success;
        return Redirect(back);
    }
}
