namespace DigitaleHilfe.Web.Features.Privacy;

// How long seniors' data is kept (docs/privacy.md explains the defaults).
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    // A caller's personal data is anonymised this many months after their last request ended.
    public int RetentionMonths { get; set; } = 12;

    // When the daily retention run starts (Hangfire cron, city time): at night, away from the hotline.
    public string RetentionCron { get; set; } = "30 2 * * *";

    // Callers erased per round; the run goes on round by round until none are due.
    public int RetentionBatchSize { get; set; } = 100;

    public PrivacyOptions Copy() => (PrivacyOptions)MemberwiseClone();
}
