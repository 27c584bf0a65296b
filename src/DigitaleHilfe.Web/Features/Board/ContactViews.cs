using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Board;

// Every time a volunteer opens a senior's contact details, the request's history says so. A view is an
// observation, not a decision: it is appended without a version condition (RequestWrites.RecordAsync),
// so that many views at once never fail the page.
// Someone looked at the senior's name and phone number on this request.
public sealed record ContactDetailsViewed(Guid RequestId, Guid ViewerId, string ViewedBy, DateTimeOffset ViewedAt);
// Stored as "contact_details_viewed" (registered in BoardSetup); moved here from HelpRequests/HelpRequest.cs.

public sealed record RecordContactView(Guid RequestId) : ICommand<Unit>;

public sealed class RecordContactViewHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock, NpgsqlDataSource database)
    : ICommandHandler<RecordContactView, Unit>
{
    public async ValueTask<Unit> Handle(RecordContactView command, CancellationToken ct)
    {
        if (user.Id is not { } viewer) return Unit.Value;
        // Views of one request queue up behind each other (a phone reloading, many tabs), so they do not
        // race for the stream's next version; a race with a real step is retried by RecordAsync.
        await using var serial = await AdvisoryLock.AcquireAsync(database, $"views:{command.RequestId}", ct);
        await RequestWrites.RecordAsync(session, command.RequestId,
            new ContactDetailsViewed(command.RequestId, viewer, user.Name, clock.GetUtcNow()), ct);
        return Unit.Value;
    }
}
