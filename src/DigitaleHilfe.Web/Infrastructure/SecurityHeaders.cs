namespace DigitaleHilfe.Web.Infrastructure;

public static class SecurityHeaders
{
    // The app's own pages run no inline script, so a strict policy costs nothing and blunts XSS.
    // Hangfire's dashboard ships inline script and has its own access rule, so it keeps the defaults.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (!context.Request.Path.StartsWithSegments(BackgroundJobsSetup.DashboardPath))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });
}
