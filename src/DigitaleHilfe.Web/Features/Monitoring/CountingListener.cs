using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using Marten.Services;

namespace DigitaleHilfe.Web.Features.Monitoring;

// Counts from what was committed, whichever path wrote it (the request write path, the intake, a batch of
// reminders), and only once it is committed: a save that lost a race counts nothing.
public sealed class CountingListener(ServiceMetrics metrics) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
        {
            switch (e.Data)
            {
                case HelpRequestOpened: metrics.Logged(); break;
                case RequestClaimed or RequestAssigned: metrics.Claimed(); break;
                case RequestResolved: metrics.Resolved(); break;
                case ReminderSent sent:
                    metrics.Sent(sent.Delivered.Count);
                    metrics.Undeliverable(sent.Undeliverable.Count);
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
