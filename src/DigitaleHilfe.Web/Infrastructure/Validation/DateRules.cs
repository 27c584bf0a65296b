namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Every date a person types lies between 1900 and 2100; anything else is a typo or an attack, and far
// dates break arithmetic later (a reminder "two days after 31.12.9999" overflows). Appointments and
// callbacks are bounded more tightly by their own rules.
public static class DateRules
{
    public static readonly DateTime Earliest = new(1900, 1, 1);
    public static readonly DateTime Latest = new(2100, 12, 31, 23, 59, 59);
    public const string OutOfRange = "Bitte geben Sie ein Datum zwischen 1900 und 2100 an.";

    public static bool Plausible(DateTime? value) => value is not { } v || (v >= Earliest && v <= Latest);
    public static bool Plausible(DateTimeOffset? value) => value is not { } v || (v.UtcDateTime >= Earliest && v.UtcDateTime <= Latest);
    public static bool Plausible(DateOnly? value) => value is not { } v || Plausible(v.ToDateTime(TimeOnly.MinValue));

    public static IRuleBuilderOptions<T, DateTime?> PlausibleDate<T>(this IRuleBuilder<T, DateTime?> rule) =>
        rule.Must(v => Plausible(v)).WithMessage(OutOfRange);

    public static IRuleBuilderOptions<T, DateTimeOffset?> PlausibleDate<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.Must(v => Plausible(v)).WithMessage(OutOfRange);

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(v => Plausible(v)).WithMessage(OutOfRange);
}
