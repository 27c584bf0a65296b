using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class HelpRequestsSetup
{
    public static IServiceCollection AddHelpRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RequestNumbers>();
        services.AddOptions<ClaimLimits>().Bind(configuration.GetSection(ClaimLimits.Section))
            .Validate(l => l.ClaimsPerHour > 0 && l.ReleasesPerHour > 0 && l.ReleasesAfterViewAlert > 0 && l.AlertWindow > TimeSpan.Zero,
                "ClaimLimits: every limit must be positive.")
            .ValidateOnStart();
        services.AddScoped<SuspiciousReleases>();
        services.AddOptions<Shared.PlanningOptions>().BindConfiguration(Shared.PlanningOptions.Section)
            .Validate(o => o.MaxAhead > TimeSpan.Zero, "Appointments:MaxAhead must be positive.").ValidateOnStart();
        services.AddScoped<ReleaseAlertMail>();
        services.ConfigureMarten(options =>
        {
            // Every event of the request's own life, registered by type so that reading a stream never
            // depends on which events this process happened to append first.
            options.Events.AddEventTypes([
                typeof(HelpRequestLogged), typeof(HelpRequestOpened), typeof(ConsentRecorded), typeof(RequestDetailsAdded),
                typeof(RequestMovedToCaller), typeof(RequestClaimed), typeof(RequestAssigned), typeof(RequestReleased),
                typeof(AppointmentScheduled), typeof(AppointmentCancelled), typeof(NoteAdded), typeof(RequestResolved),
                typeof(RequestReopened), typeof(RequestClosed), typeof(RequestCancelled)]);
            // Inline: the page after a POST reads its own write.
            options.Projections.Snapshot<HelpRequest>(SnapshotLifecycle.Inline);
            options.Schema.For<HelpRequest>()
                .Index(r => r.Number, index => index.IsUnique = true)
                .Index(r => r.LoggedAt)
                // Status and its age: the menu's "open for over a day" count on every staff page and the
                // list's filters (docs/performance.md).
                .Index(r => r.StatusSince)
                .Index(r => r.Status);
            options.Schema.For<HelpRequest>().Index(r => r.CallerId);
            options.Schema.For<ReleaseAlert>().Index(a => a.At);
            options.Storage.ExtendedSchemaObjects.Add(RequestNumbers.Table());
        });
        return services;
    }
}
