using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// What the volunteer who holds a request is told: contact details on claim, the appointment, its
// cancellation, a nudge, the question for the outcome, and that an expired claim is back on the board.
// Each returns the mail, or nothing for a volunteer who is gone.
public sealed class VolunteerReminders(ReminderText text, PublicLinks links, IOptions<ReminderOptions> options)
{
    private Catalog.Catalog Catalog => text.Catalog;

    public static ReminderMail? To(Account? volunteer, Func<Account, EmailMessage> mail) =>
        volunteer is { Active: true } a ? new ReminderMail("volunteer", $"Helfende Person {a.Name}", mail(a)) : null;

    public Func<Account, EmailMessage> ClaimConfirmation(HelpRequest r, Caller? caller, string notes) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"vielen Dank, dass Sie die Anfrage {r.Number} betreuen. Hier ist alles, was Sie für den ersten Anruf brauchen.")
        .Facts(("Person", caller?.Name ?? r.CallerName), ("Telefon", caller is null ? r.Phone : string.Join(", ", caller.Phones.Select(Phones.Display))),
            ("Adresse", caller?.Address), ("Ansprechperson", caller?.ContactPerson), ("Hinweise", caller?.Notes))
        .Facts(("Thema", text.What(r)), ("Gewünscht", Catalog.HelpModeLabel(r.HelpMode)), ("Anliegen", r.Description),
            ("Ergänzungen", string.Join("\n", r.AddedDetails)), ("Gut erreichbar", r.PreferredTimes), ("Notizen", notes))
        .Paragraph("Bitte rufen Sie in den nächsten Tagen an und tragen Sie den vereinbarten Termin ein – dann bekommen Sie ihn auch für Ihren Kalender.")
        .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
        .Footer(ReminderText.VolunteerFooter)
        .To(a.Email, $"Ihre Anfrage {r.Number}: Kontaktdaten");

    public Func<Account, EmailMessage> Appointment(HelpRequest r, Caller? caller, bool reminder, DateTimeOffset now) => a =>
    {
        var appointment = r.Appointment!;
        var (when, day) = (CityTime.Format(appointment.At), ReminderText.Day(appointment.At, now));
        var ics = AppointmentCalendar.For(r, appointment, $"Digitale Hilfe: {(caller is { Name.Length: > 0 } ? caller.Name : "Termin")} ({r.Number})", text.What(r), appointment.Place, links.To($"Board/{r.Id}"));
        return new EmailLayout()
            .Greeting(a.Name)
            .Paragraph(reminder ? $"zur Erinnerung: Ihr Termin für die Anfrage {r.Number} ist {day}." : $"Ihr Termin für die Anfrage {r.Number} ist eingetragen. Im Anhang finden Sie ihn für Ihren Kalender.")
            .Facts(("Wann", when), ("Wie", Catalog.HelpModeLabel(appointment.Mode)), ("Ort oder Zugang", appointment.Place), ("Person", caller?.Name),
                ("Telefon", caller is null ? null : string.Join(", ", caller.Phones.Select(Phones.Display))), ("Thema", text.What(r)))
            .Paragraph("Falls etwas dazwischenkommt, sagen Sie den Termin bitte auf der Anfrage ab oder verschieben Sie ihn.")
            .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
            .Footer(ReminderText.VolunteerFooter)
            .To(a.Email, reminder ? $"Erinnerung: Ihr Termin {day}" : $"Termin eingetragen: {when}") with { Attachments = [ics] };
    };

    public Func<Account, EmailMessage> Cancellation(HelpRequest r, Caller? caller) => a =>
    {
        var dropped = r.LastDroppedAppointment!;
        var when = CityTime.Format(dropped.Appointment.At);
        return new EmailLayout()
            .Greeting(a.Name)
            .Paragraph($"der Termin am {when} für die Anfrage {r.Number} findet nicht statt. Im Anhang ist die Absage für Ihren Kalender.")
            .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
            .Footer(ReminderText.VolunteerFooter)
            .To(a.Email, $"Termin abgesagt: {when}") with
            {
                Attachments = [AppointmentCalendar.Cancel(r, dropped, $"Digitale Hilfe: {(caller is { Name.Length: > 0 } ? caller.Name : "Termin")} ({r.Number})", text.What(r), links.To($"Board/{r.Id}"))],
            };
    };

    public Func<Account, EmailMessage> Nudge(HelpRequest r) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"Sie haben die Anfrage {r.Number} ({text.What(r)}) übernommen – vielen Dank! Bisher ist noch kein Termin eingetragen.")
        .Paragraph("Bitte tragen Sie den Termin ein, sobald Sie ihn vereinbart haben. Wenn es bei Ihnen gerade nicht passt, geben Sie die Anfrage einfach zurück – das ist völlig in Ordnung. " +
            $"Ohne Termin geht sie am {CityTime.Format(r.StatusSince + options.Value.StaleClaimNudgeAfter + options.Value.ClaimExpiresAfterNudge)} automatisch zurück an die Anfragen-Tafel.")
        .Button("Termin eintragen", links.To($"Board/{r.Id}"))
        .Footer(ReminderText.VolunteerFooter)
        .To(a.Email, $"Noch kein Termin: Anfrage {r.Number}");

    public Func<Account, EmailMessage> MissingOutcome(HelpRequest r) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"wie ist der Termin am {CityTime.Format(r.Appointment!.At)} für die Anfrage {r.Number} gelaufen?")
        .Paragraph("Bitte tragen Sie kurz das Ergebnis und die aufgewendete Zeit ein. Das hilft der Koordination und zeigt der Stadt, was Sie leisten.")
        .Button("Ergebnis eintragen", links.To($"Board/{r.Id}"))
        .Footer(ReminderText.VolunteerFooter)
        .To(a.Email, $"Wie ist es gelaufen? Anfrage {r.Number}");

    public Func<Account, EmailMessage> ClaimExpired(HelpRequest r, string why) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"{why} Deshalb ist sie jetzt wieder auf der Anfragen-Tafel, damit die Person nicht länger wartet.")
        .Paragraph("Wenn Sie schon Kontakt hatten oder sie doch übernehmen möchten, können Sie sie dort wieder übernehmen, solange sie frei ist.")
        .Button("Zur Anfragen-Tafel", links.To("Board"))
        .Footer(ReminderText.VolunteerFooter)
        .To(a.Email, $"Anfrage {r.Number} ist wieder frei");
}
