namespace DigitaleHilfe.Web.Features.Catalog;

// Remote: a help mode without meeting in person (phone, video); everything else needs a valid
// certificate of conduct (CertificateRules).
// AtHome: a visit at the senior's home, which needs their address.
public sealed record CatalogEntry(string Id, string Label, bool Remote = false, bool AtHome = false);

// The topics, districts and help modes operators choose from. They live in configuration
// (appsettings.json, section "Catalog") so a city can adapt them without a release; ids are stable
// and stored in events, labels are what people read and may be reworded at any time.
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public List<CatalogEntry> Topics { get; set; } = [];
    public List<CatalogEntry> Districts { get; set; } = [];
    public List<CatalogEntry> HelpModes { get; set; } = [];
}

// Topics and districts are the current town's where it chose its own (own() reads the town of the work at hand on
// every use, so one instance serves every town, including singletons that keep it).
public sealed class Catalog(CatalogOptions options, Func<TownLists?>? own = null)
{
    public IReadOnlyList<CatalogEntry> Topics => own?.Invoke()?.Topics ?? options.Topics;
    public IReadOnlyList<CatalogEntry> Districts => own?.Invoke()?.Districts ?? options.Districts;
    public IReadOnlyList<CatalogEntry> HelpModes { get; } = options.HelpModes;
    public IReadOnlyList<CatalogEntry> InstallationTopics => options.Topics;
    public IReadOnlyList<CatalogEntry> InstallationDistricts => options.Districts;

    public bool IsTopic(string? id) => Find(Topics, id) is not null;
    public bool IsDistrict(string? id) => Find(Districts, id) is not null;
    public bool IsHelpMode(string? id) => Find(HelpModes, id) is not null;

    // Unknown modes count as in person: the safe side for the certificate rule.
    public bool IsInPerson(string? mode) => Find(HelpModes, mode) is not { Remote: true };
    public bool IsAtHome(string? mode) => Find(HelpModes, mode) is { AtHome: true };
    public IEnumerable<string> RemoteModeLabels => HelpModes.Where(m => m.Remote).Select(m => m.Label);

    // An id no longer in the catalogue still shows (as itself): old events must stay readable.
    public string TopicLabel(string id) => Find(Topics, id)?.Label ?? id;
    public string DistrictLabel(string id) => Find(Districts, id)?.Label ?? id;
    public string HelpModeLabel(string id) => Find(HelpModes, id)?.Label ?? id;

    private static CatalogEntry? Find(IEnumerable<CatalogEntry> entries, string? id) =>
        entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));
}
