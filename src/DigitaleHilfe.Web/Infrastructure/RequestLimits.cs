using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DigitaleHilfe.Web.Infrastructure;

// Nothing anyone sends here is larger than a few kilobytes (the longest text field has 4,000
// characters), so a body over Limits:MaxRequestBodyBytes (1 MiB) is refused with 413 before anything
// reads it: problem details on the API, the error page for people. A form that cannot be read at all
// (a NUL in a field) is refused here too, with a page that says why. Kestrel enforces the same limit for
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
        app.Use(async (context, next) =>
        {
            // The error page is rendered by running the pipeline again for the same request: let it through.
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                await next();
                return;
            }
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            // ASP.NET refuses to read a form with a NUL in it (before antiforgery and model binding, which
            // would then end in a 500). Read it here once: such a form gets a 400 page that says why.
            if (context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.Items[ErrorController.DetailKey] = Validation.ControlCharacters.FormMessage;
                    // The error page runs on this same request; it must not try to read the form again.
                    context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(
                        new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
                    return;
                }
            }
            await next();
        });
        return app;
    }
}
