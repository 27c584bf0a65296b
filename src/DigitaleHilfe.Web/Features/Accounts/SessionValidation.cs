using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// On every request with a sign-in cookie: the server-side session must still be open, within its idle
// and absolute limits, and issued under the account's current security stamp; the account must be
// active. Roles are re-read from the account, so a role change or deactivation applies at once.
public static class SessionValidation
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var sessions = services.GetRequiredService<TownSessionFactory>();

        if (!Guid.TryParse(context.Principal?.FindFirst(SignIn.SessionClaim)?.Value, out var sessionId))
        {
            await RejectAsync(context);
            return;
        }

        await using var session = sessions.OpenSession();
        var userSession = await session.LoadAsync<UserSession>(sessionId);
        var account = userSession is null ? null : await session.LoadAsync<Account>(userSession.AccountId);
        if (userSession is null || account is null || userSession.WhyInvalid(account, now, options) is not null)
        {
            if (userSession is { EndedAt: null }) session.Store(userSession with { EndedAt = now });
            await session.SaveChangesAsync();
            await RejectAsync(context);
            return;
        }

        // Touch at most once a minute: the idle timeout needs no finer grain than that.
        if (now - userSession.LastSeenAt >= TouchEvery)
        {
            session.Store(userSession with { LastSeenAt = now });
            await session.SaveChangesAsync();
        }
        context.ReplacePrincipal(SignIn.Principal(account, sessionId, context.Scheme.Name));
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
