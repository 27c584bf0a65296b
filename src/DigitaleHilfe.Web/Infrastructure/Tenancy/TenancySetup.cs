namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

public static class TenancySetup
{
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection(TenancyOptions.Section));
        Hangfire.GlobalJobFilters.Filters.Add(new TownJobFilter());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Auth.InstallationJobsAccess>();
        return services;
    }

    // Before routing, so that a path prefix becomes the path base the routes and links see.
    public static IApplicationBuilder UseTownResolution(this IApplicationBuilder app) => app.UseMiddleware<TownResolution>();
}
