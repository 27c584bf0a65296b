using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using JasperFx;

namespace DigitaleHilfe.Web.Features.Callers;

// Two caller entries turn out to be one person. The duplicate's requests move to the survivor, each
// move an event on the request; the duplicate stays as a pointer (MergedInto) so an old link or number
// still leads to the right person.
public static class MergeCallers
{
    public sealed record Command(Guid SurvivorId, Guid DuplicateId) : ICommand<string?>;

    // Pure: a request still with the duplicate moves; one that moved meanwhile is done.
    public static Decision Decide(HelpRequest request, Guid from, Guid to, string by, DateTimeOffset now) =>
        request.CallerId == from ? Decision.Append(new RequestMovedToCaller(request.Id, from, to, by, now)) : Decision.AlreadyDone;

    // Several streams and two documents in one transaction, each stream with its version check: a
    // request that changed meanwhile makes the whole merge fetch and decide again.
    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            if (command.SurvivorId == command.DuplicateId) return "Eine Person kann nicht mit sich selbst zusammengeführt werden.";
            for (var attempt = 1; ; attempt++)
            {
                await using var current = attempt == 1 ? null : session.DocumentStore.LightweightSession(session.TenantId);
                try
                {
                    return await MergeAsync(current ?? session, command, ct);
                }
                catch (ConcurrencyException) when (attempt < RequestWrites.Attempts) { }
            }
        }

        private async Task<string?> MergeAsync(IDocumentSession s, Command command, CancellationToken ct)
        {
            var survivor = await s.LoadAsync<Caller>(command.SurvivorId, ct);
            var duplicate = await s.LoadAsync<Caller>(command.DuplicateId, ct);
            if (survivor is null || duplicate is null) return "Diese Person gibt es nicht.";
            if (survivor.MergedInto is not null || duplicate.MergedInto is not null) return "Dieser Eintrag wurde schon zusammengeführt.";

            var now = clock.GetUtcNow();
            var ids = await s.Query<HelpRequest>().Where(r => r.CallerId == duplicate.Id).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                var stream = await s.Events.FetchForWriting<HelpRequest>(id, ct);
                if (stream.Aggregate is { } request && Decide(request, duplicate.Id, survivor.Id, user.Name, now).Event is { } moved) stream.AppendOne(moved);
            }

            s.Store((survivor with
            {
                Phones = survivor.Phones.Union(duplicate.Phones).ToList(),
                Notes = string.Join("\n", new[] { survivor.Notes, duplicate.Notes }.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct()),
                Address = survivor.Address ?? duplicate.Address, Email = survivor.Email ?? duplicate.Email,
                ContactPerson = survivor.ContactPerson ?? duplicate.ContactPerson,
            }).WithSearchText());
            s.Store(duplicate with { MergedInto = survivor.Id, Phones = [], SearchText = "" });
            await s.SaveChangesAsync(ct);
            return null;
        }
    }
}
