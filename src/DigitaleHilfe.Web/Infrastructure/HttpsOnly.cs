namespace DigitaleHilfe.Web.Infrastructure;

// In production every page carries sign-in cookies and antiforgery tokens that are marked Secure, so
// the app must be reached over HTTPS: directly, or through a reverse proxy listed in
// ReverseProxy:KnownProxies that sends X-Forwarded-Proto (docs/operations.md). A plain-HTTP request gets
// a short page saying so, instead of a 500 from deep inside antiforgery; health checks stay reachable
// for load balancers. HSTS tells browsers to use HTTPS from then on. App:RequireHttps (default: in
// Production) turns it on elsewhere or off behind a TLS terminator that cannot send the header.
public static class HttpsOnly
{
    public const string Explanation =
        "Diese Anwendung ist nur über HTTPS erreichbar. Bitte rufen Sie die Adresse mit https:// auf. " +
        "(Für den Betrieb: Steht ein Reverse Proxy davor, muss er X-Forwarded-Proto senden und unter ReverseProxy:KnownProxies eingetragen sein.)";

    public static WebApplication UseHttpsOnly(this WebApplication app)
    {
        if (!app.Configuration.GetValue("App:RequireHttps", app.Environment.IsProduction())) return app;
        var proxies = app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsOnly));
        if (proxies.Length == 0)
            logger.LogWarning("App:RequireHttps is on and ReverseProxy:KnownProxies is empty: only requests that reach this process over " +
                "HTTPS themselves are served. Behind a reverse proxy, list its address there so that X-Forwarded-Proto is believed.");

        app.UseHsts();
        var warned = 0;
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
            {
                await next();
                return;
            }
            if (Interlocked.Exchange(ref warned, 1) == 0)
                logger.LogWarning("Plain HTTP request refused (HTTPS required). Check the reverse proxy's X-Forwarded-Proto and ReverseProxy:KnownProxies.");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: 400, title: "HTTPS erforderlich", detail: Explanation).ExecuteAsync(context);
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
                $"<title>HTTPS erforderlich</title></head><body><main><h1>HTTPS erforderlich</h1><p>{Explanation}</p></main></body></html>");
        });
        return app;
    }
}
