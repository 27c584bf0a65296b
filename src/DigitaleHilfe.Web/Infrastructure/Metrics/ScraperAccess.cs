using System.Net;
using DigitaleHilfe.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Infrastructure.Metrics;

// Policies.Metrics: a listed scraper address, or an admin.
public sealed class ScraperOrAdmin : IAuthorizationRequirement;

public sealed class ScraperAccess(IOptionsMonitor<MetricsOptions> options) : AuthorizationHandler<ScraperOrAdmin>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScraperOrAdmin requirement)
    {
        if (context.User.IsInRole(Policies.Admin) || IsScraper((context.Resource as HttpContext)?.Connection.RemoteIpAddress))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private bool IsScraper(IPAddress? address) =>
        address is not null && options.CurrentValue.ScraperAddresses.Any(a => IPAddress.TryParse(a, out var listed) && Same(listed, address));

    private static bool Same(IPAddress a, IPAddress b) =>
        (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Equals(b.IsIPv4MappedToIPv6 ? b.MapToIPv4() : b);
}
