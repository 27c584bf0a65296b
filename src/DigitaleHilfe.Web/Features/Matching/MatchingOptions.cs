namespace DigitaleHilfe.Web.Features.Matching;

// Weights of the matching factors (section "Matching" in appsettings.json). Each factor yields a
// value between 0 and 1; the score is the weighted sum, so a better factor never lowers it.
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    public double Topic { get; set; } = 30;
    public double District { get; set; } = 20;          // same district 1, neighbouring 0.5, far 0
    public double Language { get; set; } = 15;          // only when the caller needs a language other than German
    public double Availability { get; set; } = 10;
    public double Workload { get; set; } = 10;          // free capacity
    public double Fairness { get; set; } = 5;           // time since the last request, full after 30 days
    public double Continuity { get; set; } = 15;        // helped this senior before with a good outcome
    public double Reliability { get; set; } = 10;       // no recent releases or missed appointments

    public int InviteTopN { get; set; } = 3;
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);
    public Dictionary<string, List<string>> Neighbours { get; set; } = [];

    public MatchingOptions Copy() => (MatchingOptions)MemberwiseClone();
}
