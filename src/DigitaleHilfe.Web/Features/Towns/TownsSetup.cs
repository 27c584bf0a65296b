using DigitaleHilfe.Web.Infrastructure.Tenancy;

namespace DigitaleHilfe.Web.Features.Towns;

public static class TownsSetup
{
    public static IServiceCollection AddTowns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FirstTownOptions>().Bind(configuration.GetSection(FirstTownOptions.Section));
        services.AddSingleton<TownDirectory>();
        services.AddSingleton<ITownDirectory>(p => p.GetRequiredService<TownDirectory>());
        services.AddTownOverlays();
        services.ConfigureMarten(options => options.Schema.For<Town>().SingleTenanted());
        services.AddSingleton<FirstTown>();
        services.InitializeMartenWith<FirstTown>();
        return services;
    }
}
