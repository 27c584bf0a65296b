namespace DigitaleHilfe.Web.Features.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section))
            .Validate(o => new[] { o.Topic, o.District, o.Language, o.Availability, o.Workload, o.Fairness, o.Continuity, o.Reliability }.All(w => w >= 0),
                "Matching weights must not be negative.")
            .ValidateOnStart();
        return services;
    }
}
