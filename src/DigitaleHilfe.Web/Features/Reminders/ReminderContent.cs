using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// What each kind of reminder says and does, in friendly German (Sie-Form), all in the shared layout.
public sealed class ReminderContent(
    Catalog.Catalog catalog, PublicLinks links, IOptions<ReminderOptions> options, IOptions<MatchingOptions> matching)
{
    private const string VolunteerFooter = "Sie bekommen diese E-Mail, weil Sie bei der Digitalen Hilfe mithelfen. Welche Erinnerungen Sie per E-Mail möchten, stellen Sie in Ihrem Profil ein.";
    private const string CoordinatorFooter = "Sie bekommen diese E-Mail als Koordination der Digitalen Hilfe.";
    private const string CallerFooter = "Sie bekommen diese E-Mail, weil Sie bei der Digitalen Hilfe um Unterstützung gebeten und uns Ihre E-Mail-Adresse gegeben haben.";

    public async Task<ReminderWork> ForAsync(IDocumentSession session, PlannedReminder plan, HelpRequest r, DateTimeOffset now)
    {
        var volunteer = r.VolunteerId is { } v ? await session.LoadAsync<Account>(v) : null;
        var emails = r.VolunteerId is { } id ? (await session.LoadAsync<VolunteerProfile>(id))?.Emails ?? VolunteerEmails.All : VolunteerEmails.All;
        var caller = r.CallerId is { } c ? await session.LoadAsync<Caller>(c) : null;
        var o = options.Value;

        return plan.Kind switch
        {
            ReminderKind.Invitation or ReminderKind.UnclaimedWidening => await InvitationsAsync(session, plan, r, now),
            ReminderKind.ClaimConfirmation when emails.ClaimDetails => ToVolunteer(volunteer, ClaimConfirmation(r, caller, await NotesAsync(session, r.Id))),
            ReminderKind.AppointmentConfirmation => Appointment(r, caller, volunteer, emails.AppointmentReminders, reminder: false, now),
            ReminderKind.AppointmentReminder => Appointment(r, caller, volunteer, emails.AppointmentReminders, reminder: true, now),
            ReminderKind.UnclaimedEscalation => new ReminderWork { Mails = await ToCoordinatorsAsync(session, Escalation(r, now)) },
            ReminderKind.StaleClaimNudge when emails.Nudges => ToVolunteer(volunteer, Nudge(r, r.StatusSince + o.StaleClaimNudgeAfter + o.ClaimExpiresAfterNudge)),
            ReminderKind.ClaimExpiry => new ReminderWork
            {
                Events = [new RequestReleased(r.Id, r.VolunteerId!.Value,
                    $"Ohne Termin nach {Span(o.StaleClaimNudgeAfter + o.ClaimExpiresAfterNudge)} automatisch zurück an die Anfragen-Tafel", "System", now, Expired: true)],
            },
            ReminderKind.ClaimExpiredNotice => await ExpiredNoticeAsync(session, r),
            ReminderKind.MissingOutcome when emails.Nudges => ToVolunteer(volunteer, MissingOutcome(r)),
            ReminderKind.FollowUp => FollowUp(r, caller, now),
            ReminderKind.AppointmentCancellation => await CancellationAsync(session, r, caller),
            _ => ReminderWork.Nothing,   // the volunteer chose not to get this kind
        };
    }

    // The best volunteers not invited yet, as many as this occurrence still lacks (a retry after a
    // partial delivery tops up, it does not invite a whole new set). VolunteersInvited lists only those
    // whose invitation really went out, so the timeline says what happened.
    private async Task<ReminderWork> InvitationsAsync(IDocumentSession session, PlannedReminder plan, HelpRequest r, DateTimeOffset now)
    {
        var key = ReminderSchedule.Key(plan.Kind, plan.Occurrence);
        var handled = r.HandledReminders.Count(h => h.StartsWith(key + "/", StringComparison.Ordinal));
        var invitees = await InviteVolunteers.ChooseAsync(session, r, matching.Value.InviteTopN - handled, matching.Value, catalog.TopicLabel, now);
        var mails = invitees.Select(i =>
        {
            var token = AccountTokens.Issue(session, i.Account.Id, TokenPurpose.ClaimInvitation, now, matching.Value.InvitationLifetime, r.Id);
            return new ReminderMail($"{i.Account.Id:N}", $"Helfende Person {i.Account.Name}",
                InviteVolunteers.Mail(r, i, links.To($"Invitations/{token}"), catalog));
        }).ToList();
        return new ReminderWork
        {
            Mails = mails,
            AfterDelivery = delivered => delivered.Count == 0 ? null
                : new VolunteersInvited(r.Id, delivered.Select(m => Guid.ParseExact(m.RecipientKey, "N")).ToList(), now),
        };
    }

    private static ReminderWork ToVolunteer(Account? volunteer, Func<Account, EmailMessage> mail) =>
        volunteer is { Active: true } a ? new ReminderWork { Mails = [new("volunteer", $"Helfende Person {a.Name}", mail(a))] } : ReminderWork.Nothing;

    private static async Task<IReadOnlyList<ReminderMail>> ToCoordinatorsAsync(IDocumentSession session, Func<Account, EmailMessage> mail)
    {
        var active = await session.Query<Account>().Where(a => a.Active).ToListAsync();
        return active.Where(a => a.Has(Role.Coordinator)).Select(a => new ReminderMail($"{a.Id:N}", $"Koordination {a.Name}", mail(a))).ToList();
    }

    private string What(HelpRequest r) => $"{catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}";

    private static async Task<string> NotesAsync(IDocumentSession session, Guid requestId) => string.Join("\n",
        (await session.Events.FetchStreamAsync(requestId)).Select(e => e.Data).OfType<NoteAdded>().Select(n => $"{n.Text} ({n.AddedBy})"));

    private Func<Account, EmailMessage> ClaimConfirmation(HelpRequest r, Caller? caller, string notes) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"vielen Dank, dass Sie die Anfrage {r.Number} betreuen. Hier ist alles, was Sie für den ersten Anruf brauchen.")
        .Facts(("Person", caller?.Name ?? r.CallerName), ("Telefon", caller is null ? r.Phone : string.Join(", ", caller.Phones.Select(Phones.Display))),
            ("Adresse", caller?.Address), ("Ansprechperson", caller?.ContactPerson), ("Hinweise", caller?.Notes))
        .Facts(("Thema", What(r)), ("Gewünscht", catalog.HelpModeLabel(r.HelpMode)), ("Anliegen", r.Description),
            ("Ergänzungen", string.Join("\n", r.AddedDetails)), ("Gut erreichbar", r.PreferredTimes), ("Notizen", notes))
        .Paragraph("Bitte rufen Sie in den nächsten Tagen an und tragen Sie den vereinbarten Termin ein – dann bekommen Sie ihn auch für Ihren Kalender.")
        .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
        .Footer(VolunteerFooter)
        .To(a.Email, $"Ihre Anfrage {r.Number}: Kontaktdaten");

    private ReminderWork Appointment(HelpRequest r, Caller? caller, Account? volunteer, bool volunteerWants, bool reminder, DateTimeOffset now)
    {
        var appointment = r.Appointment!;
        var when = CityTime.Format(appointment.At);
        var day = Day(appointment.At, now);
        var how = catalog.HelpModeLabel(appointment.Mode);
        var mails = new List<ReminderMail>();
        if (volunteer is { Active: true } && volunteerWants)
        {
            var ics = AppointmentCalendar.For(r, appointment, $"Digitale Hilfe: {caller?.Name ?? "Termin"} ({r.Number})", What(r), appointment.Place, links.To($"Board/{r.Id}"));
            mails.Add(new("volunteer", $"Helfende Person {volunteer.Name}", new EmailLayout()
                .Greeting(volunteer.Name)
                .Paragraph(reminder ? $"zur Erinnerung: Ihr Termin für die Anfrage {r.Number} ist {day}." : $"Ihr Termin für die Anfrage {r.Number} ist eingetragen. Im Anhang finden Sie ihn für Ihren Kalender.")
                .Facts(("Wann", when), ("Wie", how), ("Ort oder Zugang", appointment.Place), ("Person", caller?.Name),
                    ("Telefon", caller is null ? null : string.Join(", ", caller.Phones.Select(Phones.Display))), ("Thema", What(r)))
                .Paragraph("Falls etwas dazwischenkommt, sagen Sie den Termin bitte auf der Anfrage ab oder verschieben Sie ihn.")
                .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
                .Footer(VolunteerFooter)
                .To(volunteer.Email, reminder ? $"Erinnerung: Ihr Termin {day}" : $"Termin eingetragen: {when}") with { Attachments = [ics] }));
        }
        if (caller is { Email: { Length: > 0 } address })
        {
            var ics = AppointmentCalendar.For(r, appointment, "Termin mit der Digitalen Hilfe", catalog.TopicLabel(r.Topic), appointment.Place, links.To(""));
            mails.Add(new("caller", $"Person {caller.Name}", new EmailLayout()
                .Greeting(caller.Name)
                .Paragraph(reminder ? $"wir möchten Sie an Ihren Termin erinnern: {day}." : "Ihr Termin mit der Digitalen Hilfe steht fest.")
                .Facts(("Wann", when), ("Wie", how), ("Ort", appointment.Place), ("Es hilft Ihnen", r.VolunteerName), ("Worum es geht", catalog.TopicLabel(r.Topic)))
                .Paragraph("Wenn Sie den Termin nicht wahrnehmen können, rufen Sie uns bitte an. Sie müssen nichts weiter tun.")
                .Footer(CallerFooter)
                .To(address, reminder ? $"Erinnerung an Ihren Termin am {when}" : $"Ihr Termin am {when}") with { Attachments = [ics] }));
        }
        return new ReminderWork { Mails = mails };
    }

    private async Task<ReminderWork> CancellationAsync(IDocumentSession session, HelpRequest r, Caller? caller)
    {
        var dropped = r.LastDroppedAppointment!;
        var when = CityTime.Format(dropped.Appointment.At);
        var mails = new List<ReminderMail>();
        var volunteer = dropped.VolunteerId is { } v ? await session.LoadAsync<Account>(v) : null;
        var wants = dropped.VolunteerId is { } id ? ((await session.LoadAsync<VolunteerProfile>(id))?.Emails ?? VolunteerEmails.All).AppointmentReminders : false;
        if (volunteer is { Active: true } && wants)
            mails.Add(new("volunteer", $"Helfende Person {volunteer.Name}", new EmailLayout()
                .Greeting(volunteer.Name)
                .Paragraph($"der Termin am {when} für die Anfrage {r.Number} findet nicht statt. Im Anhang ist die Absage für Ihren Kalender.")
                .Button("Anfrage öffnen", links.To($"Board/{r.Id}"))
                .Footer(VolunteerFooter)
                .To(volunteer.Email, $"Termin abgesagt: {when}") with
                {
                    Attachments = [AppointmentCalendar.Cancel(r, dropped, $"Digitale Hilfe: {caller?.Name ?? "Termin"} ({r.Number})", What(r), links.To($"Board/{r.Id}"))],
                }));
        if (caller is { Email: { Length: > 0 } address })
            mails.Add(new("caller", $"Person {caller.Name}", new EmailLayout()
                .Greeting(caller.Name)
                .Paragraph($"Ihr Termin mit der Digitalen Hilfe am {when} findet leider nicht statt.")
                .Paragraph(r.Status == RequestStatus.Cancelled
                    ? "Wenn Sie doch Hilfe brauchen, rufen Sie uns einfach wieder an."
                    : "Wir melden uns, um einen neuen Termin zu finden. Sie müssen nichts weiter tun.")
                .Footer(CallerFooter)
                .To(address, $"Ihr Termin am {when} fällt aus") with
                {
                    Attachments = [AppointmentCalendar.Cancel(r, dropped, "Termin mit der Digitalen Hilfe", catalog.TopicLabel(r.Topic), links.To(""))],
                }));
        return new ReminderWork { Mails = mails };
    }

    private Func<Account, EmailMessage> Escalation(HelpRequest r, DateTimeOffset now) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"die Anfrage {r.Number} ist seit {Span(now - r.StatusSince)} offen und noch nicht übernommen. Vielleicht kennen Sie jemanden, der passt?")
        .Facts(("Thema", What(r)), ("Gewünscht", catalog.HelpModeLabel(r.HelpMode)), ("Dringend", r.Urgent ? "ja" : null),
            ("Eingeladen", r.InvitedVolunteers.Count > 0 ? $"{r.InvitedVolunteers.Count} Helfende" : "noch niemand"))
        .Paragraph($"Nach {Span(options.Value.UnclaimedWidenAfter)} lädt das System weitere passende Helfende ein.")
        .Button("Anfrage ansehen und zuweisen", links.To($"HelpRequests/{r.Id}"))
        .Footer(CoordinatorFooter)
        .To(a.Email, $"Noch nicht übernommen: Anfrage {r.Number}");

    private Func<Account, EmailMessage> Nudge(HelpRequest r, DateTimeOffset expiresAt) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"Sie haben die Anfrage {r.Number} ({What(r)}) übernommen – vielen Dank! Bisher ist noch kein Termin eingetragen.")
        .Paragraph($"Bitte tragen Sie den Termin ein, sobald Sie ihn vereinbart haben. Wenn es bei Ihnen gerade nicht passt, geben Sie die Anfrage einfach zurück – das ist völlig in Ordnung. Ohne Termin geht sie am {CityTime.Format(expiresAt)} automatisch zurück an die Anfragen-Tafel.")
        .Button("Termin eintragen", links.To($"Board/{r.Id}"))
        .Footer(VolunteerFooter)
        .To(a.Email, $"Noch kein Termin: Anfrage {r.Number}");

    private async Task<ReminderWork> ExpiredNoticeAsync(IDocumentSession session, HelpRequest r)
    {
        var expiry = r.LastExpiry!;
        var why = $"Für die Anfrage {r.Number} ({What(r)}) wurde innerhalb von {Span(options.Value.StaleClaimNudgeAfter + options.Value.ClaimExpiresAfterNudge)} kein Termin eingetragen.";
        var mails = new List<ReminderMail>();
        if (await session.LoadAsync<Account>(expiry.VolunteerId) is { Active: true } volunteer)
            mails.Add(new("volunteer", $"Helfende Person {volunteer.Name}", new EmailLayout()
                .Greeting(volunteer.Name)
                .Paragraph($"{why} Deshalb ist sie jetzt wieder auf der Anfragen-Tafel, damit die Person nicht länger wartet.")
                .Paragraph("Wenn Sie schon Kontakt hatten oder sie doch übernehmen möchten, können Sie sie dort wieder übernehmen, solange sie frei ist.")
                .Button("Zur Anfragen-Tafel", links.To("Board"))
                .Footer(VolunteerFooter)
                .To(volunteer.Email, $"Anfrage {r.Number} ist wieder frei")));
        mails.AddRange(await ToCoordinatorsAsync(session, a => new EmailLayout()
            .Greeting(a.Name)
            .Paragraph($"{why} Die Übernahme durch {expiry.VolunteerName} ist abgelaufen; die Anfrage ist wieder offen.")
            .Button("Anfrage ansehen", links.To($"HelpRequests/{r.Id}"))
            .Footer(CoordinatorFooter)
            .To(a.Email, $"Übernahme abgelaufen: Anfrage {r.Number}")));
        return new ReminderWork { Mails = mails };
    }

    private Func<Account, EmailMessage> MissingOutcome(HelpRequest r) => a => new EmailLayout()
        .Greeting(a.Name)
        .Paragraph($"wie ist der Termin am {CityTime.Format(r.Appointment!.At)} für die Anfrage {r.Number} gelaufen?")
        .Paragraph("Bitte tragen Sie kurz das Ergebnis und die aufgewendete Zeit ein. Das hilft der Koordination und zeigt der Stadt, was Sie leisten.")
        .Button("Ergebnis eintragen", links.To($"Board/{r.Id}"))
        .Footer(VolunteerFooter)
        .To(a.Email, $"Wie ist es gelaufen? Anfrage {r.Number}");

    // Seniors rarely read email: without an address the follow-up is a call for the hotline.
    private ReminderWork FollowUp(HelpRequest r, Caller? caller, DateTimeOffset now)
    {
        if (caller is { Email: { Length: > 0 } address })
        {
            var token = Secrets.New();
            var link = new FollowUpLink { Id = Secrets.Hash(token), RequestId = r.Id, ExpiresAt = now + options.Value.FollowUpLinkLifetime };
            return new ReminderWork
            {
                Documents = [link],
                Mails = [new("caller", $"Person {caller.Name}", new EmailLayout()
                    .Greeting(caller.Name)
                    .Paragraph($"vor einigen Tagen hat Ihnen {r.VolunteerName ?? "jemand von der Digitalen Hilfe"} bei „{catalog.TopicLabel(r.Topic)}“ geholfen. Hat alles geklappt?")
                    .Paragraph("Ein Klick genügt – Sie können uns dort auch sagen, wenn Sie noch Hilfe brauchen. Oder rufen Sie uns einfach an.")
                    .Button("Antworten", links.To($"Nachfrage/{token}"))
                    .Footer(CallerFooter)
                    .To(address, "Hat alles geklappt?"))],
            };
        }
        if (caller is null) return ReminderWork.Nothing;
        return new ReminderWork
        {
            Documents = [CallbackTask.For(caller.Id, r, now, FollowUpReason, "System", now, isFollowUp: true)],
        };
    }

    public const string FollowUpReason = "Nachfrage: Hat alles geklappt?";

    // "morgen, 10:00 Uhr", "heute, …" or "am 29.11.2026, 10:00 Uhr", by the city's calendar.
    private static string Day(DateTimeOffset at, DateTimeOffset now)
    {
        var local = CityTime.Local(at);
        return (local.Date - CityTime.Local(now).Date).Days switch
        {
            0 => $"heute, {local:HH:mm} Uhr",
            1 => $"morgen, {local:HH:mm} Uhr",
            _ => $"am {CityTime.Format(at)}",
        };
    }

    // A span in the dative, as after "seit", "nach", "innerhalb von": "24 Stunden", "einem Tag", "8 Tagen".
    internal static string Span(TimeSpan span)
    {
        static string Of(double n, string one, string many) => Math.Round(n) == 1 ? one : $"{Math.Round(n):0} {many}";
        return span.TotalHours < 1 ? Of(Math.Max(1, span.TotalMinutes), "einer Minute", "Minuten")
            : span.TotalHours < 48 ? Of(span.TotalHours, "einer Stunde", "Stunden")
            : Of(span.TotalDays, "einem Tag", "Tagen");
    }
}
