namespace DigitaleHilfe.Web.Features.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan VolunteerIdleTimeout { get; set; } = TimeSpan.FromHours(2);
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
    public int LockoutFailures { get; set; } = 10;
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan EmailConfirmationLifetime { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
    // A staff invitation's link to set the first password.
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
    // Requests per minute per client address on sign-in, registration and password reset.
    public int AuthRequestsPerMinute { get; set; } = 20;
}
