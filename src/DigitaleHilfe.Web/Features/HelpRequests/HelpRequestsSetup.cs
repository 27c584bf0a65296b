using Weasel.Postgresql.Tables;
using JasperFx.Events.Projections;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public static class HelpRequestsSetup
{
    private const double AutovacuumScaleFactor = 0.01;

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
            // The columns lists, the board, the menu counts and matching filter and sort by, copied out of the
            // JSON, and indexes in the orders the list pages by, each ending with the id so that a page can start
            // after a given request and an offset reads only the index (ListRequests, docs/performance.md). Set
            // on the mapping because Marten's Duplicate() adds a single-column index to every column. Each starts with
            // the town, which every list query names: without it PostgreSQL read a deep page of a town with all the
            // requests by sorting the whole table (page 2,000 of 100,000: 17 → 88 ms, the HTML list 695 ms).
            // Unique within a town (the numbers come from one sequence for the whole installation, so they never repeat anyway).
            options.Schema.For<HelpRequest>().Index(r => r.Number, index => { index.IsUnique = true; index.TenancyScope = Marten.Schema.Indexing.Unique.TenancyScope.PerTenant; });
            // Autovacuum for this table after 1 % of it changed, not PostgreSQL's 20 %. Every new request is written
            // three times or more in its first minute, and until a vacuum marks those pages all-visible an offset into
            // the list reads the table instead of only the index: after an intake burst page 2,000 of 100,000 took
            // 382 ms (38,139 heap fetches), 18 ms once vacuumed (docs/performance.md, session 16). Vacuum skips the
            // pages that are already all-visible, so a frequent one stays small.
            options.Schema.For<HelpRequest>()
                .StorageParameter(StorageParameterNames.AutovacuumVacuumScaleFactor, AutovacuumScaleFactor)
                .StorageParameter(StorageParameterNames.AutovacuumVacuumInsertScaleFactor, AutovacuumScaleFactor)
                .StorageParameter(StorageParameterNames.AutovacuumAnalyzeScaleFactor, AutovacuumScaleFactor * 2);
            options.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType != typeof(HelpRequest)) return;
                foreach (var member in new[] { "Status", "LoggedAt", "StatusSince", "Urgent", "CallerId", "VolunteerId", "LastInvitedAt" }) mapping.DuplicateField(member);
                mapping.AddIndex("caller_id");
                mapping.AddIndex("volunteer_id");
                mapping.AddIndex("tenant_id", "logged_at", "id");
                mapping.AddIndex("tenant_id", "status", "logged_at", "id");
                mapping.AddIndex("tenant_id", "status", "status_since", "id");
                // The requests that invited anyone in the last day, for the volunteers who want one invitation a day at most.
                mapping.AddIndex("tenant_id", "last_invited_at").Predicate = "last_invited_at is not null";
                // The search box finds a request by any part of its Vorgangsnummer (LIKE '%…%'): a trigram index over
                // the number (pg_trgm, CallersSetup) instead of reading all requests newest first (500 ms at 130,000).
                var numberSearch = mapping.AddIndex("data");
                numberSearch.Name = "mt_doc_helprequest_idx_number_trgm";
                numberSearch.Method = IndexMethod.gin;
                numberSearch.Mask = "(? ->> 'Number') gin_trgm_ops";
            });
            options.Schema.For<ReleaseAlert>().Index(a => a.At);
            // The intake's idempotency receipts (LogCall), registered so that db-apply creates their table.
            options.Schema.For<Features.Intake.IntakeReceipt>();
            options.Storage.ExtendedSchemaObjects.Add(RequestNumbers.Table());
        });
        return services;
    }
}
