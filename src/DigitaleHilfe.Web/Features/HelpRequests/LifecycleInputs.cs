using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// What a form or an API client sends for a step; validated before the step is decided.
public sealed record ReasonInput { public string Reason { get; init; } = ""; }

public sealed record CancelAppointmentInput { public string? Reason { get; init; } }

public sealed class CancelAppointmentInputValidator : AbstractValidator<CancelAppointmentInput>
{
    public CancelAppointmentInputValidator() => RuleFor(i => i.Reason).MaximumLength(InputRules.ShortText)
        .WithMessage($"Der Grund darf höchstens {InputRules.ShortText} Zeichen lang sein.");
}

public sealed record NoteInput { public string Text { get; init; } = ""; }

public sealed record AssignInput { public Guid? VolunteerId { get; init; } }

public sealed record ResolveInput
{
    public Outcome? Outcome { get; init; }
    public int? MinutesSpent { get; init; }
    public string? Remark { get; init; }
    // "Termin war noch nicht – trotzdem melden": needed while the appointment lies ahead.
    public bool EvenBeforeAppointment { get; init; }

    public Resolve ToAction() =>
        new(Outcome!.Value, MinutesSpent!.Value, string.IsNullOrWhiteSpace(Remark) ? null : Remark.Trim(), EvenBeforeAppointment);
}

// The API sends an instant ("at"); the form sends Berlin wall-clock time ("atLocal").
public sealed record AppointmentInput
{
    public DateTimeOffset? At { get; init; }
    public DateTime? AtLocal { get; init; }
    public string Mode { get; init; } = "";
    public string? Place { get; init; }

    public DateTimeOffset When => At ?? CityTime.FromLocal(AtLocal!.Value);
}

public sealed class ReasonInputValidator : AbstractValidator<ReasonInput>
{
    public ReasonInputValidator() => RuleFor(i => i.Reason).NotEmpty().WithMessage("Bitte geben Sie einen Grund an.")
        .MaximumLength(InputRules.ShortText).WithMessage($"Der Grund darf höchstens {InputRules.ShortText} Zeichen lang sein.");
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator() => RuleFor(i => i.Text).NotEmpty().WithMessage("Bitte schreiben Sie eine Notiz.")
        .MaximumLength(InputRules.LongText).WithMessage($"Die Notiz darf höchstens {InputRules.LongText} Zeichen lang sein.");
}

public sealed class AssignInputValidator : AbstractValidator<AssignInput>
{
    public AssignInputValidator() => RuleFor(i => i.VolunteerId).NotEmpty().WithMessage("Bitte wählen Sie eine Person aus.");
}

public sealed class ResolveInputValidator : AbstractValidator<ResolveInput>
{
    public ResolveInputValidator()
    {
        RuleFor(i => i.Outcome).NotNull().WithMessage("Bitte wählen Sie ein Ergebnis.").IsInEnum().WithMessage("Bitte wählen Sie ein Ergebnis.");
        RuleFor(i => i.MinutesSpent).NotNull().WithMessage("Bitte geben Sie an, wie viele Minuten Sie gebraucht haben.")
            .InclusiveBetween(0, 24 * 60).WithMessage("Bitte geben Sie die Minuten als ganze Zahl von 0 bis 1440 an.");
        RuleFor(i => i.Remark).MaximumLength(InputRules.LongText).WithMessage($"Die Bemerkung darf höchstens {InputRules.LongText} Zeichen lang sein.");
    }
}

public sealed class AppointmentInputValidator : AbstractValidator<AppointmentInput>
{
    public AppointmentInputValidator(Catalog.Catalog catalog, TimeProvider clock, IOptions<PlanningOptions> planning)
    {
        RuleFor(i => i.At).NotNull().When(i => i.AtLocal is null).WithMessage("Bitte geben Sie Datum und Uhrzeit des Termins an.");
        // Checked first: only a plausible date has an instant (Berlin time) to compare with now.
        RuleFor(i => i.At).PlausibleDate();
        RuleFor(i => i.AtLocal).PlausibleDate();
        RuleFor(i => i.When).Must(at => at > clock.GetUtcNow()).WithMessage("Der Termin muss in der Zukunft liegen.")
            .Must(at => at <= clock.GetUtcNow() + planning.Value.MaxAhead)
            .WithMessage(_ => $"Ein Termin kann höchstens {(int)planning.Value.MaxAhead.TotalDays} Tage im Voraus eingetragen werden.")
            .OverridePropertyName(nameof(AppointmentInput.AtLocal))
            .When(i => (i.At is not null || i.AtLocal is not null) && DateRules.Plausible(i.At) && DateRules.Plausible(i.AtLocal));
        RuleFor(i => i.Mode).Must(catalog.IsHelpMode).WithMessage("Bitte wählen Sie aus, wie der Termin stattfindet.");
        RuleFor(i => i.Place).MaximumLength(InputRules.ShortText).WithMessage($"Ort oder Zugangsdaten: höchstens {InputRules.ShortText} Zeichen.");
    }
}
