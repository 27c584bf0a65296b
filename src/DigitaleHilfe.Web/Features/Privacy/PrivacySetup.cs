namespace DigitaleHilfe.Web.Features.Privacy;

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => o.RetentionMonths is >= 1 and <= 120, "Privacy:RetentionMonths must be between 1 and 120.")
            .Validate(o => o.RetentionBatchSize > 0, "Privacy:RetentionBatchSize must be positive.")
            .ValidateOnStart();
        services.AddScoped<RetentionRun>();
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([typeof(CallerAnonymised), typeof(ConsentWithdrawn), typeof(RequestAnonymised), typeof(AccountErased)]);
            MaskingRules.Register(options);
        });
        if (configuration.GetValue("Hangfire:Server:Enabled", true)) services.AddHostedService<RetentionSchedule>();
        return services;
    }
}
