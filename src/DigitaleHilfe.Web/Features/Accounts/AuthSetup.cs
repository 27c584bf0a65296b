using DigitaleHilfe.Web.Infrastructure.Metrics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Auth;

namespace DigitaleHilfe.Web.Features.Accounts;

public static class AuthSetup
{
    public const string AuthRateLimit = "auth";
    private const string Smart = "cookie-or-api-key";

    public static IServiceCollection AddAccountsAndSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddScoped<SecurityAudit>();

        var sessionLifetime = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>()?.AbsoluteSessionLifetime
            ?? new AccountOptions().AbsoluteSessionLifetime;
        var secureCookies = !environment.IsDevelopment() && !environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddAuthentication(Smart)
            // /api/v1 knows only API keys; everything else only the sign-in cookie.
            // /metrics takes either: an admin's API key (a scraper's bearer token) or an admin's browser session.
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                || context.Request.Path.StartsWithSegments(MetricsSetup.Path) && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "dh.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secureCookies;
                o.LoginPath = "/Account/SignIn";
                o.LogoutPath = "/Account/SignOut";
                // The server-side session decides about idle and absolute limits; the cookie only
                // must not outlive the absolute limit.
                o.ExpireTimeSpan = sessionLifetime;
                o.SlidingExpiration = false;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                // A signed-in person without the right role gets a friendly 403 page, not a redirect loop.
                // A volunteer still waiting for approval who opens the board (or an invitation) is shown
                // what happens next instead.
                // A scraper is told 401, not sent to the sign-in form.
                var toSignIn = o.Events.OnRedirectToLogin;
                o.Events.OnRedirectToLogin = context =>
                {
                    if (!context.Request.Path.StartsWithSegments(MetricsSetup.Path)) return toSignIn(context);
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    var user = context.HttpContext.User;
                    if (HttpMethods.IsGet(context.Request.Method) && user.IsInRole(Policies.Volunteer) && !user.HasClaim(Policies.ApprovedClaim, "true")
                        && (context.Request.Path.StartsWithSegments("/Board") || context.Request.Path.StartsWithSegments("/Invitations")))
                        context.Response.Redirect(context.Request.PathBase + "/Account");
                    else
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        Policies.Register(services.AddAuthorizationBuilder());

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dh.antiforgery";
            o.Cookie.SecurePolicy = secureCookies;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.AddDataProtection().SetApplicationName("DigitaleHilfe").ProtectKeysWithConfiguredCertificate(configuration, environment);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new PostgresKeyRepository(provider.GetRequiredService<IDocumentStore>())));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthRateLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.AuthRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask; // the status code page explains it in German
            };
        });
        return services;
    }

    public static WebApplication UseAccountsAndSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        // Pages with a senior's data must not come back from the browser cache after sign-out.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true) context.Response.Headers.CacheControl = "no-store, max-age=0";
                return Task.CompletedTask;
            });
            return next();
        });
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
