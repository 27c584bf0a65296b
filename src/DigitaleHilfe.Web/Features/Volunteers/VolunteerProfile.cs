namespace DigitaleHilfe.Web.Features.Volunteers;

public sealed record AvailabilitySlot(DayOfWeek Day, TimeOnly From, TimeOnly To);

// A volunteer's profile changed; the stream id is the volunteer's account id.
public sealed record VolunteerProfileUpdated(
    Guid VolunteerId, IReadOnlyList<string> Topics, IReadOnlyList<string> Districts, IReadOnlyList<string> Languages,
    IReadOnlyList<string> HelpModes, int Capacity, IReadOnlyList<AvailabilitySlot> Availability, DateOnly? PausedUntil,
    string UpdatedBy, DateTimeOffset UpdatedAt, int? MaxInvitationsPerDay = null, VolunteerEmails? Emails = null);

// Which reminder emails a volunteer wants. Notices that something was taken away from them (an
// expired claim) always go out.
public sealed record VolunteerEmails(bool ClaimDetails = true, bool AppointmentReminders = true, bool Nudges = true)
{
    public static readonly VolunteerEmails All = new();
}

// What a volunteer can help with and how much; rebuilt from the profile events.
public sealed record VolunteerProfile(Guid Id)
{
    public const int DefaultCapacity = 2;

    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = ["de"];
    public IReadOnlyList<string> HelpModes { get; init; } = [];
    public int Capacity { get; init; } = DefaultCapacity;
    public IReadOnlyList<AvailabilitySlot> Availability { get; init; } = [];   // empty: any time
    public DateOnly? PausedUntil { get; init; }
    // Invitation emails: null = as many as fit, 0 = none, n = at most n a day.
    public int? MaxInvitationsPerDay { get; init; }
    public VolunteerEmails Emails { get; init; } = VolunteerEmails.All;

    public static VolunteerProfile Create(VolunteerProfileUpdated e) => new VolunteerProfile(e.VolunteerId).Apply(e);

    public VolunteerProfile Apply(VolunteerProfileUpdated e) => this with
    {
        Topics = e.Topics, Districts = e.Districts, Languages = e.Languages, HelpModes = e.HelpModes,
        Capacity = e.Capacity, Availability = e.Availability, PausedUntil = e.PausedUntil, MaxInvitationsPerDay = e.MaxInvitationsPerDay,
        Emails = e.Emails ?? VolunteerEmails.All,
    };

    public bool IsPaused(DateOnly today) => PausedUntil is { } until && until >= today;
}
