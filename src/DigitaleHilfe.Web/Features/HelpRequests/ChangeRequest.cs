using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Every step in a request's life after it was logged (Lifecycle.Decide), through the one write path
// (RequestWrites): a race is decided again, so only a real loss answers "jemand anderes war schneller".
// ExpectedVersion is what the client saw (If-Match, the form's hidden field); null means "the current one".
public static class ChangeRequest
{
    public sealed record Command(Guid RequestId, RequestAction Action, long? ExpectedVersion = null) : ICommand<WriteResult>;

    public sealed class Handler(
        IDocumentSession session, ICurrentUser user, TimeProvider clock, IOptions<ClaimLimits> limits, SuspiciousReleases suspicious,
        Catalog.Catalog catalog)
        : ICommandHandler<Command, WriteResult>
    {
        public async ValueTask<WriteResult> Handle(Command command, CancellationToken ct)
        {
            var result = await RequestWrites.WriteAsync(session, command.RequestId, command.ExpectedVersion, async request =>
            {
                var now = clock.GetUtcNow();
                var action = await WithVolunteerFactsAsync(command.Action, request, now, ct);
                var actor = new Actor(user.Id, user.Name, user.IsInRole(nameof(Role.Coordinator)), user.IsInRole(nameof(Role.Operator)),
                    user.IsInRole(nameof(Role.Volunteer)));
                if (action is Release && user.Id is { } me && !actor.IsCoordinator)
                    actor = actor with { RecentReleases = await RecentReleasesAsync(me, now, ct), ReleasesPerHour = limits.Value.ReleasesPerHour };
                return Lifecycle.Decide(request, action, actor, now);
            }, ct);
            if (result.Kind == WriteKind.Done && command.Action is Release && user.Id is { } releasedBy)
                await suspicious.CheckAsync(releasedBy, ct);
            return result;
        }

        // Claims and assignments depend on the volunteer's approval, pause and open requests.
        private async Task<RequestAction> WithVolunteerFactsAsync(RequestAction action, HelpRequest request, DateTimeOffset now, CancellationToken ct) => action switch
        {
            Claim => new Claim(await FactsAsync(user.Id ?? Guid.Empty, request, now, ct) with
            {
                RecentClaims = await RecentClaimsAsync(user.Id ?? Guid.Empty, now, ct), ClaimsPerHour = limits.Value.ClaimsPerHour,
            }),
            Assign a => new Assign(await FactsAsync(a.Volunteer.Id, request, now, ct)),
            _ => action,
        };

        private async Task<VolunteerFacts> FactsAsync(Guid volunteerId, HelpRequest request, DateTimeOffset now, CancellationToken ct)
        {
            var caller = request.CallerId is { } callerId ? await session.LoadAsync<Callers.Caller>(callerId, ct) : null;
            var account = await session.LoadAsync<Account>(volunteerId, ct);
            var profile = await session.LoadAsync<VolunteerProfile>(volunteerId, ct) ?? new VolunteerProfile(volunteerId);
            var active = await session.Query<HelpRequest>().CountAsync(r => r.VolunteerId == volunteerId
                && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled), ct);
            var approved = account is { Active: true, IsApproved: true } && account.Has(Role.Volunteer);
            return new VolunteerFacts(volunteerId, account?.Name ?? "unbekannt", approved,
                profile.IsPaused(DateOnly.FromDateTime(CityTime.Local(now).Date)), profile.Capacity, active)
            {
                NotWantedByCaller = caller?.NotAgain.Contains(volunteerId) ?? false,
                MissingCertificate = catalog.IsInPerson(request.HelpMode)
                    && !CertificateRules.MayMeetInPerson(account?.Certificate, DateOnly.FromDateTime(CityTime.Local(now).Date)),
            };
        }

        private async Task<int> RecentClaimsAsync(Guid volunteerId, DateTimeOffset now, CancellationToken ct)
        {
            var since = now.AddHours(-1);
            return await session.Events.QueryRawEventDataOnly<RequestClaimed>()
                .CountAsync(e => e.VolunteerId == volunteerId && e.ClaimedAt > since, ct);
        }

        private async Task<int> RecentReleasesAsync(Guid volunteerId, DateTimeOffset now, CancellationToken ct)
        {
            var since = now.AddHours(-1);
            return await session.Events.QueryRawEventDataOnly<RequestReleased>()
                .CountAsync(e => e.VolunteerId == volunteerId && !e.Expired && e.ReleasedAt > since, ct);
        }
    }

    // A placeholder the handler fills with the real facts.
    public static VolunteerFacts Volunteer(Guid id) => new(id, "", false, false, 0, 0);
}
