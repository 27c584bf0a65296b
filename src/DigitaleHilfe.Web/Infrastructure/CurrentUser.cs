using System.Security.Claims;

namespace DigitaleHilfe.Web.Infrastructure;

// Who is acting, as recorded on every event and audit entry. Handlers ask this seam and never read
// HttpContext themselves; outside a request (jobs, the command line) the actor is the system.
public interface ICurrentUser
{
    Guid? Id { get; }
    string Name { get; }
    bool IsInRole(string role);
}

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string System = "System";

    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? Id => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => User?.Identity?.Name is { Length: > 0 } name ? name : System;

    public bool IsInRole(string role) => User?.IsInRole(role) ?? false;
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
