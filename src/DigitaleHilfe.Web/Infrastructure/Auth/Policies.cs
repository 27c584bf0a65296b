namespace DigitaleHilfe.Web.Infrastructure.Auth;

// Every controller action names one of these (or [AllowAnonymous] where docs/security.md allows it);
// a test fails on any action that names neither. The access matrix lives in docs/security.md.
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);                 // any role
    public const string Hotline = nameof(Hotline);                   // seniors' data: operators, coordinators
    public const string Erasure = nameof(Erasure);                   // erasing and exporting a senior's data: coordinators
    public const string Statistics = nameof(Statistics);             // cockpit, reports, exports: coordinators
    public const string Coordination = nameof(Coordination);         // volunteers' approval: coordinators, admins
    public const string Administration = nameof(Administration);     // accounts, roles, audit log: admins
    public const string JobsDashboard = nameof(JobsDashboard);       // Hangfire's raw dashboard: admins of a one-town install, else network admins
    public const string Volunteering = nameof(Volunteering);         // the board: approved volunteers
    public const string VolunteerProfile = nameof(VolunteerProfile); // one's own profile: volunteers, approved or not
    public const string RequestWork = nameof(RequestWork);           // lifecycle steps: volunteers, coordinators, operators (notes)
    public const string Metrics = nameof(Metrics);                   // /metrics: admins and the configured scraper addresses
    public const string Network = nameof(Network);                   // the towns and their anonymous totals: network admins

    // Role names as stored in accounts and claims (Features/Accounts Role), and the claim an approved
    // volunteer's sign-in carries. Spelled out here so that infrastructure depends on no feature.
    public const string Operator = "Operator", Volunteer = "Volunteer", Coordinator = "Coordinator", Admin = "Admin", NetworkAdmin = "NetworkAdmin";
    public const string ApprovedClaim = "dh:approved";

    public static void Register(AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Hotline, p => p.RequireRole(Operator, Coordinator))
        .AddPolicy(Erasure, p => p.RequireRole(Coordinator))
        .AddPolicy(Statistics, p => p.RequireRole(Coordinator))
        .AddPolicy(Coordination, p => p.RequireRole(Coordinator, Admin))
        .AddPolicy(Administration, p => p.RequireRole(Admin))
        .AddPolicy(JobsDashboard, p => p.AddRequirements(new InstallationJobs()))
        .AddPolicy(Volunteering, p => p.RequireRole(Volunteer).RequireClaim(ApprovedClaim, "true"))
        .AddPolicy(VolunteerProfile, p => p.RequireRole(Volunteer))
        .AddPolicy(RequestWork, p => p.RequireRole(Volunteer, Coordinator, Operator))
        .AddPolicy(Metrics, p => p.AddRequirements(new Metrics.ScraperOrAdmin()))
        .AddPolicy(Network, p => p.RequireRole(NetworkAdmin));
}
