namespace DigitaleHilfe.Web.Features.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        if (options.Topics.Count == 0 || options.Districts.Count == 0 || options.HelpModes.Count == 0)
            throw new InvalidOperationException("The catalogue (Catalog:Topics, Catalog:Districts, Catalog:HelpModes) must not be empty.");
        services.AddSingleton(sp =>
        {
            var towns = sp.GetRequiredService<Towns.TownDirectory>();
            return new Catalog(options, () => Infrastructure.Tenancy.TownContext.Id is { } id ? towns.Find(id)?.Lists : null);
        });
        return services;
    }
}
