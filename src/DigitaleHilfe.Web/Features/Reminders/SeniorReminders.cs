using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// What the senior is told. Seniors rarely read email: they get mail only when they gave an address,
// and the follow-up without one is a callback task for the hotline.
public sealed class SeniorReminders(ReminderText text, PublicLinks links, IOptions<ReminderOptions> options, OfficeHours hours)
{
    public const string FollowUpReason = "Nachfrage: Hat alles geklappt?";

    private Catalog.Catalog Catalog => text.Catalog;

    public static ReminderMail? To(Caller? caller, Func<Caller, string, EmailMessage> mail) =>
        caller is { Email: { Length: > 0 } address } ? new ReminderMail("caller", $"Person {caller.Name}", mail(caller, address)) : null;

    public Func<Caller, string, EmailMessage> Appointment(HelpRequest r, bool reminder, DateTimeOffset now) => (caller, address) =>
    {
        var appointment = r.Appointment!;
        var (when, day) = (CityTime.Format(appointment.At), ReminderText.Day(appointment.At, now));
        var ics = AppointmentCalendar.For(r, appointment, "Termin mit der Digitalen Hilfe", Catalog.TopicLabel(r.Topic), appointment.Place, links.To(""));
        return new EmailLayout()
            .Greeting(caller.Name)
            .Paragraph(reminder ? $"wir möchten Sie an Ihren Termin erinnern: {day}." : "Ihr Termin mit der Digitalen Hilfe steht fest.")
            .Facts(("Wann", when), ("Wie", Catalog.HelpModeLabel(appointment.Mode)), ("Ort", appointment.Place), ("Es hilft Ihnen", r.VolunteerName),
                ("Worum es geht", Catalog.TopicLabel(r.Topic)))
            .Paragraph("Wenn Sie den Termin nicht wahrnehmen können, rufen Sie uns bitte an. Sie müssen nichts weiter tun.")
            .Footer(ReminderText.CallerFooter)
            .To(address, reminder ? $"Erinnerung an Ihren Termin am {when}" : $"Ihr Termin am {when}") with { Attachments = [ics] };
    };

    public Func<Caller, string, EmailMessage> Cancellation(HelpRequest r) => (caller, address) =>
    {
        var dropped = r.LastDroppedAppointment!;
        var when = CityTime.Format(dropped.Appointment.At);
        return new EmailLayout()
            .Greeting(caller.Name)
            .Paragraph($"Ihr Termin mit der Digitalen Hilfe am {when} findet leider nicht statt.")
            .Paragraph(r.Status == RequestStatus.Cancelled
                ? "Wenn Sie doch Hilfe brauchen, rufen Sie uns einfach wieder an."
                : "Wir melden uns, um einen neuen Termin zu finden. Sie müssen nichts weiter tun.")
            .Footer(ReminderText.CallerFooter)
            .To(address, $"Ihr Termin am {when} fällt aus") with
            {
                Attachments = [AppointmentCalendar.Cancel(r, dropped, "Termin mit der Digitalen Hilfe", Catalog.TopicLabel(r.Topic), links.To(""))],
            };
    };

    public ReminderWork FollowUp(HelpRequest r, Caller? caller, DateTimeOffset now)
    {
        if (caller is null) return ReminderWork.Nothing;
        // Without an email the hotline calls, during its hours.
        if (caller.Email is not { Length: > 0 } address)
            return new ReminderWork { Documents = [CallbackTask.For(caller.Id, r, hours.NextOpen(now), FollowUpReason, "System", now, isFollowUp: true)] };
        var token = Secrets.New();
        return new ReminderWork
        {
            Documents = [new FollowUpLink { Id = Secrets.Hash(token), RequestId = r.Id, ExpiresAt = now + options.Value.FollowUpLinkLifetime }],
            Mails = [new("caller", $"Person {caller.Name}", new EmailLayout()
                .Greeting(caller.Name)
                .Paragraph($"vor einigen Tagen hat Ihnen {r.VolunteerName ?? "jemand von der Digitalen Hilfe"} bei „{Catalog.TopicLabel(r.Topic)}“ geholfen. Hat alles geklappt?")
                .Paragraph("Ein Klick genügt – Sie können uns dort auch sagen, wenn Sie noch Hilfe brauchen. Oder rufen Sie uns einfach an.")
                .Button("Antworten", links.To($"Nachfrage/{token}"))
                .Footer(ReminderText.CallerFooter)
                .To(address, "Hat alles geklappt?"))],
        };
    }
}
