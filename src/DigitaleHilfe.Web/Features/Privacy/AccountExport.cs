using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Volunteers;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Privacy;

// Everything stored about a volunteer or staff member (Art. 15 DSGVO), for themselves: the account, the
// profile, each request they took part in with their own steps (nothing about the senior), invitations,
// sign-ins and API keys.
public static class AccountExport
{
    public sealed record Query(Guid AccountId) : IQuery<Export?>;

    public sealed record AccountData(
        string Name, string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? ApprovedAt, DateOnly? CertificateIssuedOn,
        DateOnly? CertificateValidUntil, DateTimeOffset? LastSignInAt);

    public sealed record ProfileData(
        IReadOnlyList<string> Topics, IReadOnlyList<string> Districts, IReadOnlyList<string> Languages, IReadOnlyList<string> HelpModes, int Capacity,
        DateOnly? PausedUntil);

    public sealed record Step(DateTimeOffset At, string What);

    public sealed record RequestPart(string Number, string Topic, string District, int MinutesSpent, IReadOnlyList<Step> Steps);

    public sealed record SecurityEvent(DateTimeOffset At, string What, string? Address);

    public sealed record Key(string Label, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record Export(
        DateTimeOffset CreatedAt, AccountData Account, ProfileData? Profile, IReadOnlyList<RequestPart> Requests, int Invitations,
        IReadOnlyList<SecurityEvent> Security, IReadOnlyList<Key> ApiKeys);

    public sealed class Handler(IQuerySession session, NpgsqlDataSource database, Catalog.Catalog catalog, TimeProvider clock) : IQueryHandler<Query, Export?>
    {
        public async ValueTask<Export?> Handle(Query query, CancellationToken ct)
        {
            if (await session.LoadAsync<Account>(query.AccountId, ct) is not { } a) return null;
            var profile = await session.Events.AggregateStreamAsync<VolunteerProfile>(a.Id, token: ct);
            var parts = new List<RequestPart>();
            var invitations = 0;
            foreach (var id in await AccountStreams.MentioningAsync(database, session.TenantId, a, ct))
            {
                if (await session.LoadAsync<HelpRequest>(id, ct) is not { } request) continue;
                var events = await session.Events.FetchStreamAsync(id, token: ct);
                invitations += events.Count(e => e.Data is VolunteersInvited v && v.VolunteerIds.Contains(a.Id));
                var mine = events.Where(e => Concerns(e.Data, a)).ToList();
                if (mine.Count == 0) continue;
                var minutes = events.Select(e => e.Data).OfType<RequestResolved>().Where(r => r.VolunteerId == a.Id).Sum(r => r.MinutesSpent);
                // Only what the person did: the senior's free text stays out (it is the senior's data, not theirs).
                var steps = Timeline.From(mine).Select(t => new Step(t.At, StepName(t.Type))).ToList();
                parts.Add(new RequestPart(request.Number, catalog.TopicLabel(request.Topic), catalog.DistrictLabel(request.District), minutes, steps));
            }
            var audit = await session.Query<AuditEntry>().Where(e => e.AccountId == a.Id).OrderBy(e => e.At).ToListAsync(ct);
            var keys = await session.Query<ApiKey>().Where(k => k.AccountId == a.Id).ToListAsync(ct);
            return new Export(clock.GetUtcNow(),
                new AccountData(a.Name, a.Email, a.Roles.Select(RoleLabels.German).ToList(), a.CreatedAt, a.ApprovedAt, a.Certificate?.IssuedOn,
                    a.Certificate?.ValidUntil, a.LastSignInAt),
                profile is null ? null : new ProfileData(profile.Topics.Select(catalog.TopicLabel).ToList(), profile.Districts.Select(catalog.DistrictLabel).ToList(),
                    profile.Languages.Select(Shared.Languages.Name).ToList(), profile.HelpModes.Select(catalog.HelpModeLabel).ToList(), profile.Capacity, profile.PausedUntil),
                parts.OrderBy(p => p.Number).ToList(), invitations,
                audit.Select(e => new SecurityEvent(e.At, AuditLabels.German(e.Kind), e.Address)).ToList(),
                keys.Select(k => new Key(k.Label, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList());
        }

        private static bool Concerns(object data, Account a) => data switch
        {
            RequestClaimed c => c.VolunteerId == a.Id,
            RequestAssigned x => x.VolunteerId == a.Id || x.AssignedBy == a.Name,
            RequestReleased r => r.VolunteerId == a.Id,
            RequestResolved r => r.VolunteerId == a.Id || r.ResolvedBy == a.Name,
            ContactDetailsViewed v => v.ViewerId == a.Id,
            AppointmentScheduled s => s.ScheduledBy == a.Name,
            AppointmentCancelled s => s.CancelledBy == a.Name,
            NoteAdded n => n.AddedBy == a.Name,
            RequestDetailsAdded d => d.AddedBy == a.Name,
            HelpRequestOpened o => o.LoggedBy == a.Name,
            RequestClosed c => c.ClosedBy == a.Name,
            RequestReopened r => r.ReopenedBy == a.Name,
            RequestCancelled c => c.CancelledBy == a.Name,
            _ => false,
        };

        private static string StepName(string type) => type switch
        {
            nameof(RequestClaimed) => "Übernommen",
            nameof(RequestAssigned) => "Zugewiesen",
            nameof(RequestReleased) => "Zurückgegeben",
            nameof(RequestResolved) => "Ergebnis gemeldet",
            nameof(ContactDetailsViewed) => "Kontaktdaten angesehen",
            nameof(AppointmentScheduled) => "Termin eingetragen",
            nameof(AppointmentCancelled) => "Termin abgesagt",
            nameof(NoteAdded) => "Notiz geschrieben",
            nameof(RequestDetailsAdded) => "Angaben ergänzt",
            nameof(HelpRequestOpened) => "Anruf aufgenommen",
            nameof(RequestClosed) => "Abgeschlossen",
            nameof(RequestReopened) => "Wieder geöffnet",
            nameof(RequestCancelled) => "Zurückgezogen",
            _ => type,
        };
    }
}
