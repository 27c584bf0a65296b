using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DigitaleHilfe.Web.Infrastructure;

// Behind nginx or a load balancer the client's address arrives in X-Forwarded-For. It is believed
// only from the proxies named in ReverseProxy:KnownProxies, because the rate limit and the audit log
// key on it and anyone else could forge it.
public static class ReverseProxy
{
    public static WebApplication UseReverseProxyHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0) return app;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }
}
