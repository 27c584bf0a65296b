using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.Volunteers;

public static class VolunteersSetup
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.Projections.Snapshot<VolunteerProfile>(SnapshotLifecycle.Inline));
        return services;
    }
}
