using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// The buttons on a request page (the steps are listed in _RequestSteps.cshtml, decided by Lifecycle).
// Each form posts the version it showed; if somebody changed the request meanwhile, the page comes back
// with what changed instead of acting on an old picture.
[Authorize(Policies.RequestWork)]
[Route("HelpRequests/{id:guid}")]
public sealed class RequestStepsController(IMediator mediator) : Controller
{
    [HttpPost("Claim")]
    public Task<IActionResult> Claim(Guid id, long? version, CancellationToken ct) =>
        Step(id, version, () => new Claim(ChangeRequest.Volunteer(Guid.Empty)), "Sie haben die Anfrage übernommen. Name, Telefon und Adresse sehen Sie jetzt auf dieser Seite.", ct);

    [HttpPost("Release")]
    public Task<IActionResult> Release(Guid id, long? version, ReasonInput input, CancellationToken ct) =>
        Step(id, version, () => new Release(input.Reason.Trim()), "Die Anfrage ist zurück auf der Übersicht.", ct);

    [HttpPost("Appointment")]
    public Task<IActionResult> Appointment(Guid id, long? version, AppointmentInput input, CancellationToken ct) =>
        Step(id, version, () => new Schedule(input.When, input.Mode, input.Place?.Trim()), "Der Termin ist eingetragen.", ct);

    [HttpPost("CancelAppointment")]
    public Task<IActionResult> CancelAppointment(Guid id, long? version, CancelAppointmentInput input, CancellationToken ct) =>
        Step(id, version, () => new CancelAppointment(string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim()), "Der Termin ist abgesagt.", ct);

    // A note adds to the request whatever happened meanwhile, so it posts no version.
    [HttpPost("Note")]
    public Task<IActionResult> Note(Guid id, NoteInput input, CancellationToken ct) =>
        Step(id, null, () => new AddNote(input.Text.Trim()), "Die Notiz ist gespeichert.", ct);

    [HttpPost("Resolve")]
    public Task<IActionResult> Resolve(Guid id, long? version, ResolveInput input, CancellationToken ct) =>
        Step(id, version, () => input.ToAction(), "Danke! Das Ergebnis ist gespeichert.", ct);

    [HttpPost("Reopen")]
    public Task<IActionResult> Reopen(Guid id, long? version, CancellationToken ct) =>
        Step(id, version, () => new Reopen(), "Die Anfrage ist wieder offen.", ct);

    [HttpPost("Close")]
    public Task<IActionResult> Close(Guid id, long? version, CancellationToken ct) =>
        Step(id, version, () => new Close(), "Die Anfrage ist abgeschlossen.", ct);

    [HttpPost("Cancel")]
    public Task<IActionResult> Cancel(Guid id, long? version, ReasonInput input, CancellationToken ct) =>
        Step(id, version, () => new Cancel(input.Reason.Trim()), "Die Anfrage ist zurückgezogen.", ct);

    [HttpPost("Assign")]
    public Task<IActionResult> Assign(Guid id, long? version, AssignInput input, CancellationToken ct) =>
        Step(id, version, () => new Assign(ChangeRequest.Volunteer(input.VolunteerId!.Value)), "Die Anfrage ist zugewiesen.", ct);

    // The action is built only once the input is known to be valid (an invalid date has no instant).
    private async Task<IActionResult> Step(Guid id, long? version, Func<RequestAction> action, string success, CancellationToken ct)
    {
        var back = User.IsInRole(nameof(Role.Operator)) || User.IsInRole(nameof(Role.Coordinator)) ? $"~/HelpRequests/{id}" : $"~/Board/{id}";
        if (!ModelState.IsValid)
        {
            TempData[Notice.Key] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());
            return Redirect(back);
        }
        var result = await mediator.Send(new ChangeRequest.Command(id, action(), version), ct);
        if (result.Kind == WriteKind.NotFound) return NotFound();
        TempData[Notice.Key] = result.Kind == WriteKind.Stale
            ? $"{result.Reason} Geändert: {string.Join("; ", result.Changes.Select(c => $"{Label(c)} ({c.By}, {CityTime.Format(c.At)})"))}."
            : result.Reason ?? success;
        return Redirect(back);
    }

    // The kind of change without its free text (a note may carry things not meant for everybody).
    private static string Label(TimelineEntry entry) => entry.Text.Split(':')[0];
}
