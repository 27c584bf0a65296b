using System.Text.Json;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Privacy;

// The "Datenschutz" section of a senior's page: a withdrawn consent (hotline), erasure and the Art. 15
// export (coordinators).
[Route("Callers/{id:guid}")]
public sealed class PrivacyController(IMediator mediator) : Controller
{
    public sealed record WithdrawalForm
    {
        public string? Note { get; init; }
        public bool ConfirmWithdrawal { get; init; }
    }

    public sealed record ErasureForm
    {
        public string? Reason { get; init; }
        public bool ConfirmErasure { get; init; }
    }

    public sealed class WithdrawalFormValidator : AbstractValidator<WithdrawalForm>
    {
        public WithdrawalFormValidator()
        {
            RuleFor(f => f.ConfirmWithdrawal).Equal(true).WithMessage("Bitte bestätigen Sie, dass die Person ihre Einwilligung widerrufen hat.");
            RuleFor(f => f.Note).MaximumLength(300).WithMessage("Bitte fassen Sie die Notiz in höchstens 300 Zeichen.");
        }
    }

    public sealed class ErasureFormValidator : AbstractValidator<ErasureForm>
    {
        public ErasureFormValidator()
        {
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Bitte geben Sie den Grund für die Löschung an (ohne Namen oder Telefonnummern).")
                .MaximumLength(300).WithMessage("Bitte fassen Sie den Grund in höchstens 300 Zeichen.");
            RuleFor(f => f.ConfirmErasure).Equal(true).WithMessage("Bitte bestätigen Sie, dass alle Daten endgültig gelöscht werden sollen.");
        }
    }

    [HttpPost("ConsentWithdrawn"), Authorize(Policies.Hotline)]
    public async Task<IActionResult> ConsentWithdrawn(Guid id, WithdrawalForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await CallerPageAsync(id, ct);
        return Done(id, await mediator.Send(new WithdrawConsent.Command(id, form.Note?.Trim()), ct),
            "Der Widerruf ist erfasst. Offene Anfragen sind zurückgezogen, und die Daten der Person sind gelöscht.");
    }

    [HttpPost("Erase"), Authorize(Policies.Erasure)]
    public async Task<IActionResult> Erase(Guid id, ErasureForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await CallerPageAsync(id, ct);
        return Done(id, await mediator.Send(new EraseCaller.Command(id, ErasureReason.Request, form.Reason!.Trim()), ct),
            "Die Daten der Person sind gelöscht. Thema, Stadtteil, Zeiten und Ergebnisse bleiben für die Statistik.");
    }

    [HttpGet("Auskunft"), Authorize(Policies.Erasure)]
    public async Task<IActionResult> Export(Guid id, CancellationToken ct) =>
        await mediator.Send(new CallerExport.Query(id), ct) is { } export ? View("CallerExport", export) : NotFound();

    [HttpGet("Auskunft.json"), Authorize(Policies.Erasure)]
    public async Task<IActionResult> ExportJson(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CallerExport.Query(id), ct) is not { } export) return NotFound();
        var json = JsonSerializer.SerializeToUtf8Bytes(export, ExportFile.Options);
        return File(json, "application/json", $"auskunft-{id:N}.json");
    }

    private IActionResult Done(Guid id, EraseCaller.Result result, string notice)
    {
        if (result.Outcome == EraseCaller.Outcome.NotFound) return NotFound();
        TempData[Notice.Key] = result.Outcome == EraseCaller.Outcome.Refused ? result.Refusal : notice;
        return Redirect($"~/Callers/{result.CallerId}");
    }

    private async Task<IActionResult> CallerPageAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new CallerSummary.ById(id), ct) is not { } summary) return NotFound();
        ViewData[CallersController.HelpersKey] = await mediator.Send(new CallerSummary.Helpers(id), ct);
        return View("/Features/Callers/Caller.cshtml", summary);
    }
}

public static class ExportFile
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file the person reads: umlauts as they are, not as \u00fc.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
