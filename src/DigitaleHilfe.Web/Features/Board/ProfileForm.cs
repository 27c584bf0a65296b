using DigitaleHilfe.Web.Features.Volunteers;

namespace DigitaleHilfe.Web.Features.Board;

// The profile as an HTML form: checkboxes (languages from Shared.Languages), and availability as
// half-days (the API takes exact times).
public sealed record ProfileForm
{
    public List<string> Topics { get; init; } = [];
    public List<string> Districts { get; init; } = [];
    public List<string> HelpModes { get; init; } = [];
    public List<string> Languages { get; init; } = ["de"];
    public int Capacity { get; init; } = VolunteerProfile.DefaultCapacity;
    public List<string> Slots { get; init; } = [];      // "Monday-morning"
    public DateOnly? PausedUntil { get; init; }
    public string Invitations { get; init; } = "all";   // "all", "one", "none"
    // Reminder emails wanted. Unticked boxes are not posted, so EmailChoices marks that the form had them.
    public List<string> Emails { get; init; } = [];
    public bool EmailChoices { get; init; }

    public static readonly (string Key, string Label)[] EmailKinds =
    [
        (nameof(VolunteerEmails.ClaimDetails), "Kontaktdaten und Hinweise, wenn ich eine Anfrage übernehme"),
        (nameof(VolunteerEmails.AppointmentReminders), "Terminbestätigung und Erinnerung am Vortag (mit Kalendereintrag)"),
        (nameof(VolunteerEmails.Nudges), "Erinnerungen, wenn ein Termin oder ein Ergebnis noch fehlt"),
    ];

    public static readonly (string Key, string Label, TimeOnly From, TimeOnly To)[] Parts =
    [
        ("morning", "vormittags", new(8, 0), new(12, 0)),
        ("afternoon", "nachmittags", new(12, 0), new(17, 0)),
        ("evening", "abends", new(17, 0), new(20, 0)),
    ];

    public static readonly (DayOfWeek Day, string Label)[] Days =
    [
        (DayOfWeek.Monday, "Mo"), (DayOfWeek.Tuesday, "Di"), (DayOfWeek.Wednesday, "Mi"), (DayOfWeek.Thursday, "Do"),
        (DayOfWeek.Friday, "Fr"), (DayOfWeek.Saturday, "Sa"), (DayOfWeek.Sunday, "So"),
    ];

    public static ProfileForm From(VolunteerProfile p) => new()
    {
        Topics = [.. p.Topics], Districts = [.. p.Districts], HelpModes = [.. p.HelpModes], Languages = [.. p.Languages],
        Capacity = p.Capacity, PausedUntil = p.PausedUntil,
        Invitations = p.MaxInvitationsPerDay switch { 0 => "none", 1 => "one", _ => "all" },
        EmailChoices = true,
        Emails = EmailKinds.Select(k => k.Key).Where(k => k switch
        {
            nameof(VolunteerEmails.ClaimDetails) => p.Emails.ClaimDetails,
            nameof(VolunteerEmails.AppointmentReminders) => p.Emails.AppointmentReminders,
            _ => p.Emails.Nudges,
        }).ToList(),
        Slots = p.Availability.SelectMany(a => Parts.Where(part => part.From == a.From && part.To == a.To).Select(part => $"{a.Day}-{part.Key}")).ToList(),
    };

    public UpdateProfile.Command ToCommand() => new()
    {
        Topics = Chosen(Topics), Districts = Chosen(Districts), HelpModes = Chosen(HelpModes), Capacity = Capacity, PausedUntil = PausedUntil,
        MaxInvitationsPerDay = Invitations switch { "none" => 0, "one" => 1, _ => null },
        Emails = EmailChoices
            ? new VolunteerEmails(Emails.Contains(nameof(VolunteerEmails.ClaimDetails)), Emails.Contains(nameof(VolunteerEmails.AppointmentReminders)),
                Emails.Contains(nameof(VolunteerEmails.Nudges)))
            : null,
        Languages = Chosen(Languages).Select(l => l.ToLowerInvariant()).Distinct().ToList(),
        Availability = Chosen(Slots).Select(Parse).OfType<AvailabilitySlot>().ToList(),
    };

    // A posted list may carry empty entries (bound as null): they choose nothing.
    private static List<string> Chosen(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    private static AvailabilitySlot? Parse(string slot)
    {
        var parts = slot.Split('-');
        if (parts.Length != 2 || !Enum.TryParse<DayOfWeek>(parts[0], out var day)) return null;
        var part = Parts.FirstOrDefault(p => p.Key == parts[1]);
        return part.Key is null ? null : new AvailabilitySlot(day, part.From, part.To);
    }
}
