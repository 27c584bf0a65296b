using System.Text.RegularExpressions;

namespace DigitaleHilfe.Web.Features.Towns;

// One town of the network: its id is the Marten tenant id every one of its documents and events carries. The
// document itself belongs to the installation (single-tenanted), so the town resolution can read all of them.
// Name, hotline and sender: null means the installation's (Service:Name, Service:HotlinePhone, Smtp:From), which is
// what the first town after the upgrade has, so a single-town installation keeps following its configuration.
public sealed record Town(
    string Id,
    string? Name,
    IReadOnlyList<string> Hosts,
    string? HotlinePhone,
    string? SenderName,
    string? SenderAddress,
    DateTimeOffset AddedAt,
    TownReminderDelays? Reminders = null,
    string? LogoText = null,
    string? Palette = null,
    TownConsent? Consent = null,
    IReadOnlyList<TownConsent>? EarlierConsents = null,
    int? RetentionMonths = null,
    Catalog.TownLists? Lists = null,
    TownWeights? Weights = null,
    // Counts every saved change of the settings pages: a form sent with an older count was filled in before someone
    // else saved, and is refused instead of silently undoing their change.
    int Revision = 0)
{
    // Lower-case letters, digits and hyphens: the id appears in paths (/kl/…), job parameters and the database.
    public static readonly Regex IdPattern = new("^[a-z][a-z0-9-]{1,29}$", RegexOptions.CultureInvariant);

    // Path prefixes the installation itself uses; a town named like one would hide it.
    public string DisplayName(string installationName) => Name ?? installationName;

    public static readonly string[] ReservedIds = ["api", "health", "metrics", "hangfire", "error", "css", "js", "lib", "img", "netz"];
}

// A town's own consent wording, numbered: each recorded consent names the wording read out ("kl-2/12": town kl,
// its second wording, with 12 months of retention filled in), so the earlier ones are kept for the Art. 15 export.
public sealed record TownConsent(int Number, string Text, DateTimeOffset From);

// The weights of the matching factors a town sets for itself; null: the installation's (Matching:…).
public sealed record TownWeights(
    int? Topic = null, int? District = null, int? Language = null, int? Availability = null,
    int? Workload = null, int? Fairness = null, int? Continuity = null, int? Reliability = null);

// The reminder delays a town sets for itself; null: the installation's (Reminders:… in the configuration).
public sealed record TownReminderDelays(
    TimeSpan? AppointmentReminderBefore = null, TimeSpan? UnclaimedEscalationAfter = null, TimeSpan? UnclaimedWidenAfter = null,
    TimeSpan? StaleClaimNudgeAfter = null, TimeSpan? ClaimExpiresAfterNudge = null, TimeSpan? MissingOutcomeAfter = null,
    TimeSpan? FollowUpAfter = null);
