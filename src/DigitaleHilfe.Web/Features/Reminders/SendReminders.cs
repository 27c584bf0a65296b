using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;

namespace DigitaleHilfe.Web.Features.Reminders;

// One Hangfire job for several due reminders of a dispatch round, one after another over one SMTP connection:
// a job per reminder cost more database work (queue, states, heartbeats) than the reminder itself
// (docs/performance.md). Each reminder keeps its own lock, dispatch key and record (SendReminder), so the
// guarantees are those of a single job; one reminder's failure is recorded and the others still go.
// Its argument is "deliveryId dispatchKey" pairs: ids only.
public sealed class SendReminders(SendReminder reminder, IEmailSender email, ILogger<SendReminders> logger)
{
    public const int PerJob = 10;

    public static string Entry(ReminderDelivery delivery) => $"{delivery.Id} {delivery.DispatchKey:N}";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Erinnerungen ({0})")]
    public async Task RunAsync(string[] entries)
    {
        var failures = new List<string>();
        await using (email.HoldConnection())
        {
            foreach (var entry in entries)
            {
                // The key is last: a delivery id holds the occurrence, which may hold anything.
                var split = entry.LastIndexOf(' ');
                string[] parts = split > 0 ? [entry[..split], entry[(split + 1)..]] : [entry, ""];
                if (!Guid.TryParseExact(parts[1], "N", out var key))
                {
                    failures.Add($"unlesbarer Eintrag „{entry}“");
                    continue;
                }
                try
                {
                    await reminder.RunAsync(parts[0], key);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Already recorded by SendReminder (undeliverable list or "Hinweise"); the job fails at the end
                    // so that /jobs shows it, as a single reminder's job did.
                    logger.LogWarning("Reminder delivery {Delivery} failed: {Error}", parts[0], e.GetType().Name);
                    failures.Add(e.Message);
                }
            }
        }
        if (failures.Count > 0)
            throw new ReminderBatchException($"{failures.Count} von {entries.Length} Erinnerungen nicht erledigt: {string.Join(" | ", failures)}");
    }
}

public sealed class ReminderBatchException(string message) : Exception(message);
