using DigitaleHilfe.Web.Features.Shared;

namespace DigitaleHilfe.Web.Features.Statistics;

public enum PeriodKind { Month, Quarter, Year, Range }

// The days a coordinator asks about, both inclusive, in the city's time (a day starts at midnight in Berlin).
public sealed record Period(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => CityTime.FromLocal(From.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
    public DateTimeOffset End => CityTime.FromLocal(To.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    public string Label => From.Day == 1 && To == From.AddMonths(1).AddDays(-1) ? $"{Months[From.Month - 1]} {From.Year}"
        : From is { Day: 1, Month: 1 } && To == new DateOnly(From.Year, 12, 31) ? $"Jahr {From.Year}"
        : From.Day == 1 && (From.Month - 1) % 3 == 0 && To == From.AddMonths(3).AddDays(-1) ? $"{(From.Month - 1) / 3 + 1}. Quartal {From.Year}"
        : $"{From:dd.MM.yyyy} – {To:dd.MM.yyyy}";

    public static readonly string[] Months =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    public static Period OfMonth(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
    public static Period OfQuarter(int year, int quarter) => new(new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3 - 2, 1).AddMonths(3).AddDays(-1));
    public static Period OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}

// What the period form sends: a kind and its numbers, or two dates. Bounded, so that no typed value can
// ask for the year 1 or a hundred-year range.
public sealed record PeriodInput
{
    public PeriodKind? Kind { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Quarter { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    public const int FirstYear = 2020, LastYear = 2100;

    // The current month when nothing was chosen.
    public Period ToPeriod(DateOnly today) => (Kind ?? PeriodKind.Month) switch
    {
        PeriodKind.Year => Period.OfYear(Year ?? today.Year),
        PeriodKind.Quarter => Period.OfQuarter(Year ?? today.Year, Quarter ?? (today.Month - 1) / 3 + 1),
        PeriodKind.Range => new Period(From ?? today, To ?? today),
        _ => Period.OfMonth(Year ?? today.Year, Month ?? today.Month),
    };
}

public sealed class PeriodInputValidator : AbstractValidator<PeriodInput>
{
    public PeriodInputValidator()
    {
        RuleFor(p => p.Kind).IsInEnum().WithMessage("Bitte wählen Sie Monat, Quartal, Jahr oder Zeitraum.");
        RuleFor(p => p.Year).InclusiveBetween(PeriodInput.FirstYear, PeriodInput.LastYear)
            .WithMessage($"Bitte geben Sie ein Jahr zwischen {PeriodInput.FirstYear} und {PeriodInput.LastYear} an.");
        RuleFor(p => p.Month).InclusiveBetween(1, 12).WithMessage("Bitte wählen Sie einen Monat von 1 bis 12.");
        RuleFor(p => p.Quarter).InclusiveBetween(1, 4).WithMessage("Bitte wählen Sie ein Quartal von 1 bis 4.");
        RuleFor(p => p.From).NotNull().When(p => p.Kind == PeriodKind.Range).WithMessage("Bitte geben Sie an, ab wann.");
        RuleFor(p => p.To).NotNull().When(p => p.Kind == PeriodKind.Range).WithMessage("Bitte geben Sie an, bis wann.");
        RuleFor(p => p.From).Must(InRange).WithMessage($"Bitte wählen Sie ein Datum zwischen {PeriodInput.FirstYear} und {PeriodInput.LastYear}.");
        RuleFor(p => p.To).Must(InRange).WithMessage($"Bitte wählen Sie ein Datum zwischen {PeriodInput.FirstYear} und {PeriodInput.LastYear}.")
            .Must((p, to) => p.From is not { } from || to is not { } until || until >= from).WithMessage("„Bis“ liegt vor „ab“.")
            .Must((p, to) => p.From is not { } from || to is not { } until || until.DayNumber - from.DayNumber <= 3660)
            .WithMessage("Bitte wählen Sie höchstens zehn Jahre auf einmal.");
    }

    private static bool InRange(DateOnly? d) => d is not { } day || day.Year is >= PeriodInput.FirstYear and <= PeriodInput.LastYear;
}
