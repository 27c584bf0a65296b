namespace DigitaleHilfe.Web.Features.Callers;

public static class CallersSetup
{
    public static IServiceCollection AddCallers(this IServiceCollection services)
    {
        // Who may see a senior's contact details on a request (CallerContactPolicy.cs).
        services.AddSingleton<IAuthorizationHandler, CallerContact.Handler>();
        // The caller search reads the JSON (SearchText); one GIN index serves it.
        services.ConfigureMarten(options => options.Schema.For<Caller>().GinIndexJsonData());
        return services;
    }
}
