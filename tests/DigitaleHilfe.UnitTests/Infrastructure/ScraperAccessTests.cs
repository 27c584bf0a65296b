using System.Net;
using System.Security.Claims;
using DigitaleHilfe.Web.Infrastructure.Auth;
using DigitaleHilfe.Web.Infrastructure.Metrics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class ScraperAccessTests
{
    private static async Task<bool> AllowedAsync(string? remote, string[] listed, params string[] roles)
    {
        var http = new DefaultHttpContext();
        if (remote is not null) http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        var user = new ClaimsPrincipal(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), roles.Length > 0 ? "test" : null));
        var requirement = new ScraperOrAdmin();
        var context = new AuthorizationHandlerContext([requirement], user, http);
        var options = new StaticOptions(new MetricsOptions { ScraperAddresses = [.. listed] });

        await new ScraperAccess(options).HandleAsync(context);
        return context.HasSucceeded;
    }

    [Fact]
    public async Task A_listed_scraper_address_may_scrape_without_signing_in()
    {
        (await AllowedAsync("10.0.0.7", ["10.0.0.7"])).ShouldBeTrue();
        (await AllowedAsync("::ffff:10.0.0.7", ["10.0.0.7"])).ShouldBeTrue();
    }

    [Fact]
    public async Task Any_other_address_is_refused_unless_the_user_is_an_admin()
    {
        (await AllowedAsync("10.0.0.8", ["10.0.0.7"])).ShouldBeFalse();
        (await AllowedAsync(null, ["10.0.0.7"])).ShouldBeFalse();
        (await AllowedAsync("10.0.0.8", [], Policies.Coordinator)).ShouldBeFalse();
        (await AllowedAsync("10.0.0.8", [], Policies.Admin)).ShouldBeTrue();
    }

    private sealed class StaticOptions(MetricsOptions value) : IOptionsMonitor<MetricsOptions>
    {
        public MetricsOptions CurrentValue => value;
        public MetricsOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<MetricsOptions, string?> listener) => null;
    }
}
