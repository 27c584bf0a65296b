using System.Text;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure.Email;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DigitaleHilfe.Web.Features.Reminders;

// The appointment as an iCalendar file (RFC 5545) for the volunteer's or senior's calendar. One UID
// per request, so a rescheduled appointment replaces the entry instead of adding a second one.
public static class AppointmentCalendar
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    public static EmailAttachment For(HelpRequest request, Appointment appointment, string summary, string description, string? location, string link) =>
        Build(request, appointment, summary, description, location, link, request.StatusSince, cancelled: false);

    // The same entry (same UID, later sequence) marked as cancelled, so calendar programs remove it.
    public static EmailAttachment Cancel(HelpRequest request, DroppedAppointment dropped, string summary, string description, string link) =>
        Build(request, dropped.Appointment, summary, description,
            Privacy.Erasure.IsMasked(dropped.Appointment.Place) ? null : dropped.Appointment.Place, link, dropped.At, cancelled: true);

    private static EmailAttachment Build(
        HelpRequest request, Appointment appointment, string summary, string description, string? location, string link, DateTimeOffset stamp, bool cancelled)
    {
        var method = cancelled ? "CANCEL" : "PUBLISH";
        var calendar = new Calendar { Method = method, ProductId = "-//Digitale Hilfe Kaiserslautern//DE" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{request.Id:N}@digitalehilfe",
            Summary = summary,
            Description = $"{description}\n\n{link}",
            Location = location,
            DtStart = new CalDateTime(appointment.At.UtcDateTime, true),
            DtEnd = new CalDateTime((appointment.At + Length).UtcDateTime, true),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stamp.UtcDateTime, DateTimeKind.Utc), true),
            // Later versions of the same appointment win in calendar programs.
            Sequence = (int)Math.Min(int.MaxValue, (stamp.ToUnixTimeSeconds() - 1_700_000_000) / 60),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(cancelled ? "absage.ics" : "termin.ics", $"text/calendar; charset=utf-8; method={method}", Encoding.UTF8.GetBytes(text));
    }
}
