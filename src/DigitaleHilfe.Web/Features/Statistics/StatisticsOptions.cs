namespace DigitaleHilfe.Web.Features.Statistics;

public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    // How long figures counted at an earlier state of the statistics projection may still be shown while a
    // recount runs in the background. Zero: every view after a change waits for the recount.
    public TimeSpan ShowPreviousFor { get; set; } = TimeSpan.FromMinutes(2);

    // How often the periods coordinators open most (this month, quarter and year) are counted ahead of them.
    // Zero switches the warm-up off.
    public TimeSpan WarmUpEvery { get; set; } = TimeSpan.FromSeconds(30);
}
