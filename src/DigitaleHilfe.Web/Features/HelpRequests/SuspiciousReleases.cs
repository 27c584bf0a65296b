using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.HelpRequests;

// A volunteer gave back several requests soon after looking at the seniors' contact details: maybe
// bad luck, maybe somebody collecting phone numbers. Coordinators get one alert per volunteer and day,
// by email and on "Hinweise" (/Coordination/Alerts), and decide for themselves.
public sealed record ReleaseAlert
{
    public string Id { get; init; } = "";
    public Guid VolunteerId { get; init; }
    public string VolunteerName { get; init; } = "";
    public int Releases { get; init; }
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? MailedAt { get; init; }
    public DateTimeOffset? DismissedAt { get; init; }
    public string? DismissedBy { get; init; }
}

public sealed class SuspiciousReleases(IDocumentSession session, IOptions<ClaimLimits> limits, TimeProvider clock, IBackgroundJobClient jobs)
{
    public async Task CheckAsync(Guid volunteerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - limits.Value.AlertWindow;
        var released = await session.Events.QueryRawEventDataOnly<RequestReleased>()
            .Where(e => e.VolunteerId == volunteerId && !e.Expired && e.ReleasedAt > since).Select(e => e.RequestId).ToListAsync(ct);
        if (released.Distinct().Count() < limits.Value.ReleasesAfterViewAlert) return;
        var viewed = (await session.Events.QueryRawEventDataOnly<ContactDetailsViewed>()
            .Where(e => e.ViewerId == volunteerId && e.ViewedAt > since).Select(e => e.RequestId).ToListAsync(ct)).ToHashSet();
        var count = released.Distinct().Count(viewed.Contains);
        if (count < limits.Value.ReleasesAfterViewAlert) return;

        var id = $"{volunteerId:N}@{CityTime.Local(now):yyyy-MM-dd}";
        var existing = await session.LoadAsync<ReleaseAlert>(id, ct);
        var name = (await session.LoadAsync<Account>(volunteerId, ct))?.Name ?? "unbekannt";
        session.Store((existing ?? new ReleaseAlert { Id = id, VolunteerId = volunteerId, At = now }) with { VolunteerName = name, Releases = count });
        await session.SaveChangesAsync(ct);
        // Only the alert's id goes to the job; it reads the rest itself.
        if (existing is null) jobs.Enqueue<ReleaseAlertMail>(m => m.RunAsync(id));
    }
}

public sealed class ReleaseAlertMail(IDocumentSession session, IEmailSender email, PublicLinks links, TimeProvider clock)
{
    [JobDisplayName("Hinweis an die Koordination: Rückgaben nach Ansicht der Kontaktdaten")]
    public async Task RunAsync(string alertId)
    {
        if (await session.LoadAsync<ReleaseAlert>(alertId) is not { MailedAt: null } alert) return;
        var coordinators = (await session.Query<Account>().Where(a => a.Active).ToListAsync()).Where(a => a.Has(Role.Coordinator)).ToList();
        var results = await email.SendBatchAsync(coordinators.Select(c => new EmailLayout()
            .Greeting(c.Name)
            .Paragraph($"{alert.VolunteerName} hat heute {alert.Releases} Anfragen zurückgegeben, kurz nachdem die Kontaktdaten der Personen angesehen wurden.")
            .Paragraph("Das kann Zufall sein. Bitte sprechen Sie mit der Person, wenn es Ihnen ungewöhnlich vorkommt, und deaktivieren Sie das Konto im Zweifel.")
            .Button("Hinweise ansehen", links.To("Coordination/Alerts"))
            .Footer("Sie bekommen diese E-Mail als Koordination der Digitalen Hilfe.")
            .To(c.Email, $"Hinweis: {alert.VolunteerName} hat mehrere Anfragen zurückgegeben")).ToList());
        // A server that is down: Hangfire's retry sends the alert again later.
        if (results.Any(r => r.Status == DeliveryStatus.Transient)) throw new InvalidOperationException("Mail server not reachable; alert will be retried.");
        session.Store(alert with { MailedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync();
    }
}
