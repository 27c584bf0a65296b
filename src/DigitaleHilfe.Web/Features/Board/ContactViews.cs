using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Board;

// Every time a volunteer opens a senior's contact details, the request's history says so. A view is an
// observation, not a decision: it is appended without a version condition (RequestWrites.RecordAsync),
// so that many views at once never fail the page.
public sealed record RecordContactView(Guid RequestId) : ICommand<Unit>;

public sealed class RecordContactViewHandler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordContactView, Unit>
{
    public async ValueTask<Unit> Handle(RecordContactView command, CancellationToken ct)
    {
        if (user.Id is not { } viewer) return Unit.Value;
        await RequestWrites.RecordAsync(session, command.RequestId,
            new ContactDetailsViewed(command.RequestId, viewer, user.Name, clock.GetUtcNow()), ct);
        return Unit.Value;
    }
}
