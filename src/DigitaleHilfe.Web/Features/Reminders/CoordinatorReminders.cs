using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// What every active coordinator is told: a request nobody took, and a claim that ran out.
public sealed class CoordinatorReminders(ReminderText text, PublicLinks links, IOptions<ReminderOptions> options)
{
    public static async Task<IReadOnlyList<ReminderMail>> ToAllAsync(IDocumentSession session, Func<Account, EmailMessage> mail)
    {
        // The coordinators only: reading every active account read 10,000 volunteers for each escalation.
        var coordinators = await session.Query<Account>().Where(a => a.Active && a.Roles.Contains(Role.Coordinator)).ToListAsync();
        return coordinators.Select(a => new ReminderMail($"{a.Id:N}", $"Koordination {a.Name}", mail(a))).ToList();
    }

    public Func<Account, EmailMessage> Escalation(HelpRequest r, DateTimeOffset now) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"die Anfrage {r.Number} ist seit {GermanDurations.Dative(now - r.StatusSince)} offen und noch nicht übernommen. Vielleicht kennen Sie jemanden, der passt?")
        .Facts(("Thema", text.What(r)), ("Gewünscht", text.Catalog.HelpModeLabel(r.HelpMode)), ("Dringend", r.Urgent ? "ja" : null),
            ("Eingeladen", r.InvitedVolunteers.Count > 0 ? $"{r.InvitedVolunteers.Count} Helfende" : "noch niemand"))
        .Paragraph($"Nach {GermanDurations.Dative(options.Value.UnclaimedWidenAfter)} lädt das System weitere passende Helfende ein.")
        .Button("Anfrage ansehen und zuweisen", links.To($"HelpRequests/{r.Id}"))
        .Footer(ReminderText.CoordinatorFooter)
        .To(a.Email, $"Noch nicht übernommen: Anfrage {r.Number}");

    public Func<Account, EmailMessage> ClaimExpired(HelpRequest r, string why) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"{why} Die Übernahme durch {r.LastExpiry!.VolunteerName} ist abgelaufen; die Anfrage ist wieder offen.")
        .Button("Anfrage ansehen", links.To($"HelpRequests/{r.Id}"))
        .Footer(ReminderText.CoordinatorFooter)
        .To(a.Email, $"Übernahme abgelaufen: Anfrage {r.Number}");
}
