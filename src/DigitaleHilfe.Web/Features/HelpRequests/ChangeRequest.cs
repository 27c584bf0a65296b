using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using JasperFx;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// Every step in a request's life after it was logged: fetch for writing, decide, append, save.
// Two people acting at once: the second save fails Marten's version check and gets a friendly 409.
public static class ChangeRequest
{
    public sealed record Command(Guid RequestId, RequestAction Action) : ICommand<Result>;

    public enum Kind { Done, Refused, Conflict, NotFound }

    public sealed record Result(Kind Kind, string? Reason, RequestStatus Status, long Version);

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var stream = await session.Events.FetchForWriting<HelpRequest>(command.RequestId, ct);
            if (stream.Aggregate is not { } request) return new Result(Kind.NotFound, "Diese Anfrage gibt es nicht.", default, 0);

            var now = clock.GetUtcNow();
            var action = await WithVolunteerFactsAsync(command.Action, request, now, ct);
            var actor = new Actor(user.Id, user.Name, user.IsInRole(nameof(Role.Coordinator)), user.IsInRole(nameof(Role.Operator)),
                user.IsInRole(nameof(Role.Volunteer)));
            var decision = Lifecycle.Decide(request, action, actor, now);
            if (decision.Refusal is { } reason)
                return new Result(reason == Lifecycle.TakenByOther ? Kind.Conflict : Kind.Refused, reason, request.Status, stream.CurrentVersion ?? 0);
            if (decision.Event is null) return new Result(Kind.Done, null, request.Status, stream.CurrentVersion ?? 0);

            stream.AppendOne(decision.Event);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (ConcurrencyException)
            {
                return new Result(Kind.Conflict, action is Claim ? Lifecycle.TakenByOther
                    : "Die Anfrage wurde gerade von jemand anderem geändert. Bitte laden Sie die Seite neu.", request.Status, stream.CurrentVersion ?? 0);
            }

            var saved = await session.LoadAsync<HelpRequest>(command.RequestId, ct);
            var state = await session.Events.FetchStreamStateAsync(command.RequestId, ct);
            return new Result(Kind.Done, null, saved!.Status, state?.Version ?? 0);
        }

        // Claims and assignments depend on the volunteer's approval, pause and open requests.
        private async Task<RequestAction> WithVolunteerFactsAsync(RequestAction action, HelpRequest request, DateTimeOffset now, CancellationToken ct) => action switch
        {
            Claim => new Claim(await FactsAsync(user.Id ?? Guid.Empty, request, now, ct)),
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
            };
        }
    }

    // A placeholder the handler fills with the real facts.
    public static VolunteerFacts Volunteer(Guid id) => new(id, "", false, false, 0, 0);
}
