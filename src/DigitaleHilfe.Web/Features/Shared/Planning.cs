using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Shared;

public static class PlanningRules
{
    // A local (Berlin) time no further ahead than Appointments:MaxAhead; checked only for plausible dates.
    public static IRuleBuilderOptions<T, DateTime?> WithinPlanningHorizon<T>(
        this IRuleBuilderOptions<T, DateTime?> rule, TimeProvider clock, IOptions<PlanningOptions> planning) =>
        rule.Must(v => v is not { } local || !DateRules.Plausible(local)
                || CityTime.FromLocal(local) <= clock.GetUtcNow() + planning.Value.MaxAhead)
            .WithMessage(_ => $"Bitte planen Sie höchstens {(int)planning.Value.MaxAhead.TotalDays} Tage im Voraus.");
}

// How far ahead appointments and callbacks may be planned (Appointments:MaxAhead, default a year).
public sealed class PlanningOptions
{
    public const string Section = "Appointments";
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromDays(365);
}
