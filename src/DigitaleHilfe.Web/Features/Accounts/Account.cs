namespace DigitaleHilfe.Web.Features.Accounts;

// NetworkAdmin: sees the towns of the installation and their anonymous totals (Features/Towns); given on the command
// line only, never by a town's admin.
public enum Role { Operator, Volunteer, Coordinator, Admin, NetworkAdmin }

// ShowReason: the coordinator chose to tell the applicant why.
public sealed record VolunteerRejection(string Reason, bool ShowReason, string By, DateTimeOffset At);

// A person who signs in. Stored as a Marten document; what happened to it (sign-ins, role changes,
// approvals) is kept in the security audit log beside it.
public sealed record Account
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";          // normalised: trimmed, lower case
    public string Name { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public bool EmailConfirmed { get; init; }
    // Volunteers see requests only after a coordinator has approved them.
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    // Old approvals before dates were recorded ticked a box only; such a volunteer counts as without a
    // certificate until a coordinator enters its dates (CertificateRules).
    public bool CertificateOfConductSeen { get; init; }
    public CertificateRecord? Certificate { get; init; }
    // A coordinator turned the registration down (the account is deactivated with it).
    public VolunteerRejection? Rejection { get; init; }
    public bool Active { get; init; } = true;
    // Changes whenever existing sign-ins must end (password change, deactivation, role change):
    // a session or API key issued under another stamp is refused on its next request.
    public Guid SecurityStamp { get; init; } = Guid.NewGuid();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
    // The person left and an admin erased the account (Features/Privacy/EraseAccount.cs): the name reads
    // as a role, the address is gone; the id stays so that hours and statistics still add up.
    public DateTimeOffset? ErasedAt { get; init; }

    public bool IsApproved => ApprovedAt is not null;
    public bool Has(Role role) => Roles.Contains(role);

    // Operators and coordinators hold seniors' data on shared desk computers: their sessions end
    // sooner when idle than a volunteer's, who reads a request on a phone between other things.
    public bool HandlesPersonalData => Has(Role.Operator) || Has(Role.Coordinator) || Has(Role.Admin);

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}
