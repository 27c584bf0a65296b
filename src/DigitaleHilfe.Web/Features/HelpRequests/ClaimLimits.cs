namespace DigitaleHilfe.Web.Features.HelpRequests;

// Limits against collecting seniors' contact details by claiming and releasing in a loop. A real
// volunteer takes one or two requests a week; five an hour is far above that and still lets a
// coordinator-like helper catch up after a holiday. Coordinators assigning requests are not limited.
public sealed class ClaimLimits
{
    public const string Section = "ClaimLimits";

    public int ClaimsPerHour { get; set; } = 5;
    public int ReleasesPerHour { get; set; } = 5;
    // Coordinators are alerted when a volunteer gives back this many requests within Window after
    // having looked at their contact details.
    public int ReleasesAfterViewAlert { get; set; } = 3;
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(24);
}
