using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class HelpRequestsSetup
{
    public static IServiceCollection AddHelpRequests(this IServiceCollection services)
    {
        services.AddSingleton<RequestNumbers>();
        services.ConfigureMarten(options =>
        {
            // Inline: the page after a POST reads its own write.
            options.Projections.Snapshot<HelpRequest>(SnapshotLifecycle.Inline);
            options.Schema.For<HelpRequest>()
                .Index(r => r.Number, index => index.IsUnique = true)
                .Index(r => r.LoggedAt);
            options.Schema.For<HelpRequest>().Index(r => r.CallerId);
            options.Schema.For<Callers.Caller>().GinIndexJsonData();
            options.Schema.For<Callbacks.CallbackTask>().Index(t => t.DueAt);
            options.Storage.ExtendedSchemaObjects.Add(RequestNumbers.Table());
        });
        return services;
    }
}
