namespace DigitaleHilfe.Web.Features.Callbacks;

public static class CallbacksSetup
{
    public static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        // The hotline's list is ordered by when a call is due.
        services.ConfigureMarten(options => options.Schema.For<CallbackTask>().Index(t => t.DueAt));
        return services;
    }
}
