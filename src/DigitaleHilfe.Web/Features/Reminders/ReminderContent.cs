using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Reminders;

// What each kind of reminder does when it is due, and to whom: the wording lives with each audience
// (VolunteerReminders, SeniorReminders, CoordinatorReminders), the expiry's rule in Lifecycle.
public sealed class ReminderContent(
    ReminderText text, VolunteerReminders volunteers, SeniorReminders seniors, CoordinatorReminders coordinators,
    PublicLinks links, IOptions<ReminderOptions> options, IOptions<MatchingOptions> matching, CandidatePool pool, InvitationLinks invitationLinks)
{
    // Invitations are matched against `candidates` when a job of several reminders read them once for all.
    public async Task<ReminderWork> ForAsync(IDocumentSession session, PlannedReminder plan, HelpRequest r, DateTimeOffset now, CandidateBatch? candidates = null)
    {
        var volunteer = r.VolunteerId is { } v ? await session.LoadAsync<Account>(v) : null;
        var emails = await EmailsAsync(session, r.VolunteerId);
        var caller = r.CallerId is { } c ? await session.LoadAsync<Caller>(c) : null;

        return plan.Kind switch
        {
            ReminderKind.Invitation or ReminderKind.UnclaimedWidening => await InvitationsAsync(session, plan, r, now, candidates),
            ReminderKind.ClaimConfirmation when emails.ClaimDetails =>
                Mails(VolunteerReminders.To(volunteer, volunteers.ClaimConfirmation(r, caller, await NotesAsync(session, r.Id)))),
            ReminderKind.AppointmentConfirmation or ReminderKind.AppointmentReminder => Mails(
                emails.AppointmentReminders ? VolunteerReminders.To(volunteer, volunteers.Appointment(r, caller, plan.Kind == ReminderKind.AppointmentReminder, now)) : null,
                SeniorReminders.To(caller, seniors.Appointment(r, plan.Kind == ReminderKind.AppointmentReminder, now))),
            ReminderKind.AppointmentCancellation => await CancellationAsync(session, r, caller),
            ReminderKind.UnclaimedEscalation => new ReminderWork { Mails = await CoordinatorReminders.ToAllAsync(session, coordinators.Escalation(r, now)) },
            ReminderKind.StaleClaimNudge when emails.Nudges => Mails(VolunteerReminders.To(volunteer, volunteers.Nudge(r))),
            ReminderKind.ClaimExpiry => Expire(r, now),
            ReminderKind.ClaimExpiredNotice => await ExpiredNoticeAsync(session, r),
            ReminderKind.MissingOutcome when emails.Nudges => Mails(VolunteerReminders.To(volunteer, volunteers.MissingOutcome(r))),
            ReminderKind.FollowUp => seniors.FollowUp(r, caller, now),
            _ => ReminderWork.Nothing,   // the volunteer chose not to get this kind
        };
    }

    private static ReminderWork Mails(params ReminderMail?[] mails) => new() { Mails = mails.OfType<ReminderMail>().ToList() };

    private static async Task<VolunteerEmails> EmailsAsync(IDocumentSession session, Guid? volunteerId) =>
        volunteerId is { } id ? (await session.LoadAsync<VolunteerProfile>(id))?.Emails ?? VolunteerEmails.All : VolunteerEmails.All;

    private TimeSpan ClaimLifetime => options.Value.StaleClaimNudgeAfter + options.Value.ClaimExpiresAfterNudge;

    private ReminderWork Expire(HelpRequest r, DateTimeOffset now)
    {
        var decision = Lifecycle.Decide(r, new ExpireClaim($"Ohne Termin nach {GermanDurations.Dative(ClaimLifetime)} automatisch zurück an die Anfragen-Tafel"),
            Actor.System, now);
        return decision.Event is { } released ? new ReminderWork { Events = [released] } : ReminderWork.Nothing;
    }

    // The best volunteers not invited yet, as many as this occurrence still lacks (a retry after a
    // partial delivery tops up, it does not invite a whole new set). VolunteersInvited lists only those
    // whose invitation really went out, so the timeline says what happened.
    private async Task<ReminderWork> InvitationsAsync(IDocumentSession session, PlannedReminder plan, HelpRequest r, DateTimeOffset now, CandidateBatch? candidates)
    {
        candidates ??= await CandidateBatch.LoadAsync(pool, session, r.CallerId is { } c ? [c] : [], now, CancellationToken.None);
        var key = ReminderSchedule.Key(plan.Kind, plan.Occurrence);
        var handled = r.HandledReminders.Count(h => h.StartsWith(key + "/", StringComparison.Ordinal));
        var invitees = await InviteVolunteers.ChooseAsync(candidates, session, r, matching.Value.InviteTopN - handled, matching.Value, text.Catalog, now);
        var mails = invitees.Select(i =>
        {
            var token = invitationLinks.Issue(new InvitationLinks.Grant(session.TenantId, r.Id, i.Account.Id, now + matching.Value.InvitationLifetime));
            return new ReminderMail($"{i.Account.Id:N}", $"Helfende Person {i.Account.Name}",
                InviteVolunteers.Mail(r, i, links.To($"Invitations/{token}"), text.Catalog));
        }).ToList();
        return new ReminderWork
        {
            Mails = mails,
            AfterDelivery = delivered => delivered.Count == 0 ? null
                : new VolunteersInvited(r.Id, delivered.Select(m => Guid.ParseExact(m.RecipientKey, "N")).ToList(), now),
        };
    }

    // The volunteer who had the appointment (not necessarily the one holding the request now).
    private async Task<ReminderWork> CancellationAsync(IDocumentSession session, HelpRequest r, Caller? caller)
    {
        var dropped = r.LastDroppedAppointment!;
        var volunteer = dropped.VolunteerId is { } v ? await session.LoadAsync<Account>(v) : null;
        var wants = dropped.VolunteerId is not null && (await EmailsAsync(session, dropped.VolunteerId)).AppointmentReminders;
        return Mails(wants ? VolunteerReminders.To(volunteer, volunteers.Cancellation(r, caller)) : null, SeniorReminders.To(caller, seniors.Cancellation(r)));
    }

    private async Task<ReminderWork> ExpiredNoticeAsync(IDocumentSession session, HelpRequest r)
    {
        var why = $"Für die Anfrage {r.Number} ({text.What(r)}) wurde innerhalb von {GermanDurations.Dative(ClaimLifetime)} kein Termin eingetragen.";
        var volunteer = VolunteerReminders.To(await session.LoadAsync<Account>(r.LastExpiry!.VolunteerId), volunteers.ClaimExpired(r, why));
        var mails = new List<ReminderMail>();
        if (volunteer is not null) mails.Add(volunteer);
        mails.AddRange(await CoordinatorReminders.ToAllAsync(session, coordinators.ClaimExpired(r, why)));
        return new ReminderWork { Mails = mails };
    }

    private static async Task<string> NotesAsync(IDocumentSession session, Guid requestId) => string.Join("\n",
        (await session.Events.FetchStreamAsync(requestId)).Select(e => e.Data).OfType<NoteAdded>().Select(n => $"{n.Text} ({n.AddedBy})"));
}
