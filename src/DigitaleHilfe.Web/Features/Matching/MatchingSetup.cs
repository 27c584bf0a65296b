namespace DigitaleHilfe.Web.Features.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section))
            .Validate(o => new[] { o.Topic, o.District, o.Language, o.Availability, o.Workload, o.Fairness, o.Continuity, o.Reliability }.All(w => w >= 0),
                "Matching weights must not be negative.")
            .ValidateOnStart();
        // Registered by type, so that streams written before this event moved here still read (EventNamesTests).
        services.AddSingleton<CandidatePool>();
        services.AddSingleton<InvitationLinks>();
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventType<VolunteersInvited>();
            options.Projections.Add<VolunteerActivityProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Async);
            // The CandidatePool asks each of these tables for its town's latest write on every use: one index entry, not
            // a scan. The town first (Marten's own IndexLastModified() has none, and for a small town beside a big one
            // PostgreSQL then aggregated the town's rows on the primary key instead).
            options.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType == typeof(Accounts.Account) || mapping.DocumentType == typeof(Volunteers.VolunteerProfile)
                    || mapping.DocumentType == typeof(VolunteerActivity))
                    mapping.AddIndex("tenant_id", "mt_last_modified");
            });
        });
        return services;
    }
}
