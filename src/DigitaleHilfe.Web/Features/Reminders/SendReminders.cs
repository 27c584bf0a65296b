using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;

namespace DigitaleHilfe.Web.Features.Reminders;

// One Hangfire job for several due reminders of a dispatch round, sent together by SendReminder (one lock
// statement, one read, one SMTP connection, one transaction): a job per reminder cost more database work
// (queue, states, heartbeats) than the reminder itself (docs/performance.md). The guarantees are those of a
// single reminder's job; one reminder's failure is recorded and the others still go.
// Its argument is "deliveryId dispatchKey" pairs: ids only.
public sealed class SendReminders(SendReminder reminder, IEmailSender email, ILogger<SendReminders> logger)
{
    public const int PerJob = 25;

    public static string Entry(ReminderDelivery delivery) => $"{delivery.Id} {delivery.DispatchKey:N}";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Erinnerungen ({0})")]
    public async Task RunAsync(string[] entries)
    {
        var failures = new List<string>();
        var valid = new List<SendReminder.Entry>();
        foreach (var entry in entries)
        {
            // The key is last: a delivery id holds the occurrence, which may hold anything.
            var split = entry.LastIndexOf(' ');
            if (split > 0 && Guid.TryParseExact(entry[(split + 1)..], "N", out var key)) valid.Add(new(entry[..split], key));
            else failures.Add($"unlesbarer Eintrag „{entry}“");
        }
        await using (email.HoldConnection())
        {
            foreach (var failure in await reminder.RunManyAsync(valid))
            {
                // Already recorded by SendReminder (undeliverable list or "Hinweise"); the job fails at the end
                // so that /jobs shows it, as a single reminder's job did.
                logger.LogWarning("A reminder of the job failed: {Error}", failure.GetType().Name);
                failures.Add(failure.Message);
            }
        }
        if (failures.Count > 0) throw ReminderBatchException.Of(failures, entries.Length);
    }
}

public sealed class ReminderBatchException(string message) : Exception(message)
{
    public static ReminderBatchException Of(IEnumerable<Exception> failures, int reminders) => Of(failures.Select(f => f.Message).ToList(), reminders);

    public static ReminderBatchException Of(IReadOnlyList<string> failures, int reminders) =>
        new($"{failures.Count} von {reminders} Erinnerungen nicht erledigt: {string.Join(" | ", failures)}");
}
