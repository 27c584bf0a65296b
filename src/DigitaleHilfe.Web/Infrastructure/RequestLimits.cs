using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DigitaleHilfe.Web.Infrastructure;

// Nothing anyone sends here is larger than a few kilobytes (the longest text field has 4,000
// characters), so a body over Limits:MaxRequestBodyBytes (1 MiB) is refused with 413 before anything
// reads it: problem details on the API, the error page for people. Kestrel enforces the same limit for
// bodies that do not announce their length; that BadHttpRequestException keeps its 413 as well.
public static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var max = configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxBodyBytes);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = max);
        return services;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var max = app.Configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxBodyBytes);
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next();
        });
        return app;
    }
}
