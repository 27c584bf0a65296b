using DigitaleHilfe.Web.Infrastructure.Health;

namespace DigitaleHilfe.Web.Features.Monitoring;

public static class MonitoringSetup
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<QueueReadings>();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<CountingListener>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(provider.GetRequiredService<CountingListener>()));
        services.AddHealthChecks().AddCheck<BackgroundHealthCheck>("background", tags: [HealthSetup.Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
