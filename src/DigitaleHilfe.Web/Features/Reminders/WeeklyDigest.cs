using System.Globalization;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// Which coordinators already have this week's digest; the guard against a job that runs twice.
public sealed record DigestSent
{
    public string Id { get; init; } = "";   // ISO week, e.g. "2026-W48"
    public IReadOnlyList<Guid> Delivered { get; init; } = [];
}

public sealed record DigestFigures(int New, int Open, int InProgress, int Overdue, int Resolved, int Minutes, int Undeliverable)
{
    public int CertificatesDue { get; init; }
}

// Monday morning: what happened in the last seven days and what needs attention, for every coordinator.
public sealed class WeeklyDigest(
    IDocumentSession session, IEmailSender email, PublicLinks links, IOptions<ReminderOptions> options, TimeProvider clock,
    Coordination.CertificateReminders certificates)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Wochenübersicht für die Koordination")]
    public async Task RunAsync()
    {
        var now = clock.GetUtcNow();
        var local = CityTime.Local(now);
        var week = $"{ISOWeek.GetYear(local.DateTime)}-W{ISOWeek.GetWeekOfYear(local.DateTime):00}";
        var sent = await session.LoadAsync<DigestSent>(week) ?? new DigestSent { Id = week };
        var coordinators = (await session.Query<Account>().Where(a => a.Active).ToListAsync())
            .Where(a => a.Has(Role.Coordinator) && !sent.Delivered.Contains(a.Id)).ToList();
        if (coordinators.Count == 0) return;

        var figures = await FiguresAsync(now);
        var mails = coordinators.Select(a => Mail(a, figures, now)).ToList();
        var results = await email.SendBatchAsync(mails);
        // A refused address is not tried again this week; the coordinators' page lists it.
        var done = coordinators.Where((_, i) => results[i].Status != DeliveryStatus.Transient).Select(a => a.Id);
        for (var i = 0; i < results.Count; i++)
            if (results[i].Status == DeliveryStatus.Permanent)
                session.Store(UndeliverableEmail.Of(mails[i], "Wochenübersicht", $"Koordination {coordinators[i].Name}", results[i].Error ?? "", now));
        session.Store(sent with { Delivered = [.. sent.Delivered, .. done] });
        await session.SaveChangesAsync();
        if (results.Any(r => r.Status == DeliveryStatus.Transient))
            throw new InvalidOperationException("Die Wochenübersicht ging nicht an alle; Hangfire versucht es später noch einmal.");
    }

    public async Task<DigestFigures> FiguresAsync(DateTimeOffset now)
    {
        var o = options.Value;
        var weekAgo = now.AddDays(-7);
        var escalated = now - o.UnclaimedEscalationAfter;
        var nudged = now - o.StaleClaimNudgeAfter;
        var outcomeMissing = now - o.MissingOutcomeAfter;
        var requests = session.Query<HelpRequest>();
        var newCount = await requests.CountAsync(r => r.LoggedAt >= weekAgo);
        var open = await requests.CountAsync(r => r.Status == RequestStatus.Open);
        var inProgress = await requests.CountAsync(r => r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Scheduled);
        var overdue = await requests.CountAsync(r =>
            (r.Status == RequestStatus.Open && r.StatusSince < escalated)
            || (r.Status == RequestStatus.Claimed && r.StatusSince < nudged)
            || (r.Status == RequestStatus.Scheduled && r.Appointment!.At < outcomeMissing));
        var resolved = await requests.Where(r => r.ResolvedAt >= weekAgo && (r.Status == RequestStatus.Resolved || r.Status == RequestStatus.Closed))
            .Select(r => r.MinutesSpent).ToListAsync();
        var undeliverable = await session.Query<UndeliverableEmail>().CountAsync(u => u.DismissedAt == null);
        return new DigestFigures(newCount, open, inProgress, overdue, resolved.Count, resolved.Sum(), undeliverable)
        {
            CertificatesDue = (await certificates.DueAsync()).Count,
        };
    }

    private EmailMessage Mail(Account a, DigestFigures f, DateTimeOffset now) => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"hier ist die Übersicht der Digitalen Hilfe für die Woche bis {CityTime.Local(now):dd.MM.yyyy}.")
        .Facts(("Neue Anfragen", $"{f.New}"), ("Offen, noch nicht übernommen", $"{f.Open}"), ("In Arbeit", $"{f.InProgress}"),
            ("Überfällig", $"{f.Overdue}"), ("Erledigt", $"{f.Resolved}"), ("Zeit der Helfenden", GermanDurations.Minutes(f.Minutes)),
            ("Nicht zugestellte E-Mails", f.Undeliverable > 0 ? $"{f.Undeliverable}" : null),
            ("Führungszeugnisse laufen ab", f.CertificatesDue > 0 ? $"{f.CertificatesDue} (siehe Hinweise)" : null))
        .Paragraph(f.Overdue > 0
            ? "Überfällig heißt: lange offen, übernommen ohne Termin oder ein Termin ohne Ergebnis. Ein Blick in die Liste lohnt sich."
            : "Nichts ist überfällig – vielen Dank an alle!")
        .Button("Zu den Anfragen", links.To("HelpRequests"))
        .Footer("Sie bekommen diese E-Mail als Koordination der Digitalen Hilfe, jede Woche am Montagmorgen.")
        .To(a.Email, $"Wochenübersicht: {f.New} neu, {f.Open} offen, {f.Overdue} überfällig");
}
