namespace DigitaleHilfe.Web.Infrastructure;

// Who is acting, as recorded on every event. Until sign-in exists (issue 3) every change is made by
// the hotline desk as a whole; the seam is here so handlers never read HttpContext themselves.
public interface ICurrentUser
{
    string Name { get; }
}

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string Hotline = "Hotline";

    public string Name =>
        accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Hotline;
}

public static class CurrentUserSetup
{
    public static IServiceCollection AddCurrentUser(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        return services;
    }
}
