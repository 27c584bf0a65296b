using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Volunteers;
using static DigitaleHilfe.Web.Features.Privacy.Erasure;

namespace DigitaleHilfe.Web.Features.Privacy;

// Every stored event type that can hold personal data, and what an erasure overwrites in it. For a
// senior (CallerErasure): every free text and the first slice's name and phone; topic, district, mode,
// times, status, outcome and minutes stay, so statistics do not change. For a volunteer or staff member
// (PersonErasure): their name where it says who did something; their id stays, so their hours still count.
// A new event type with free text or a name needs its rule here (PrivacyRulesTests checks every type).
public static class MaskingRules
{
    public static void Register(StoreOptions o)
    {
        Rule<HelpRequestLogged>(o, e => e with { CallerName = Masked, Phone = Masked, Description = Masked }, (e, p) => e with { LoggedBy = p.Rename(e.LoggedBy) });
        Rule<HelpRequestOpened>(o, e => e with { Description = Masked, PreferredTimes = Mask(e.PreferredTimes), Summary = Mask(e.Summary) },
            (e, p) => e with { LoggedBy = p.Rename(e.LoggedBy) });
        Rule<ConsentRecorded>(o, null, (e, p) => e with { RecordedBy = p.Rename(e.RecordedBy) });
        Rule<RequestDetailsAdded>(o, e => e with { Text = Masked }, (e, p) => e with { AddedBy = p.Rename(e.AddedBy) });
        Rule<RequestMovedToCaller>(o, null, (e, p) => e with { MovedBy = p.Rename(e.MovedBy) });
        Rule<RequestClaimed>(o, null, (e, p) => e with { VolunteerName = p.RenameIf(e.VolunteerId, e.VolunteerName) });
        Rule<RequestAssigned>(o, null, (e, p) => e with { VolunteerName = p.RenameIf(e.VolunteerId, e.VolunteerName), AssignedBy = p.Rename(e.AssignedBy) });
        Rule<RequestReleased>(o, e => e with { Reason = Masked }, (e, p) => e with { ReleasedBy = p.Rename(e.ReleasedBy) });
        Rule<AppointmentScheduled>(o, e => e with { Place = Mask(e.Place) }, (e, p) => e with { ScheduledBy = p.Rename(e.ScheduledBy) });
        Rule<AppointmentCancelled>(o, e => e with { Reason = Mask(e.Reason) }, (e, p) => e with { CancelledBy = p.Rename(e.CancelledBy) });
        Rule<NoteAdded>(o, e => e with { Text = Masked }, (e, p) => e with { AddedBy = p.Rename(e.AddedBy) });
        Rule<RequestResolved>(o, e => e with { Remark = Mask(e.Remark) }, (e, p) => e with { ResolvedBy = p.Rename(e.ResolvedBy) });
        Rule<RequestReopened>(o, null, (e, p) => e with { ReopenedBy = p.Rename(e.ReopenedBy) });
        Rule<RequestClosed>(o, null, (e, p) => e with { ClosedBy = p.Rename(e.ClosedBy) });
        Rule<RequestCancelled>(o, e => e with { Reason = Masked }, (e, p) => e with { CancelledBy = p.Rename(e.CancelledBy) });
        Rule<FollowUpAnswered>(o, e => e with { Comment = Mask(e.Comment) }, (e, p) => e with { RecordedBy = p.Rename(e.RecordedBy) });
        Rule<ContactDetailsViewed>(o, null, (e, p) => e with { ViewedBy = p.RenameIf(e.ViewerId, e.ViewedBy) });
        Rule<ConsentWithdrawn>(o, e => e with { Note = Mask(e.Note) }, (e, p) => e with { RecordedBy = p.Rename(e.RecordedBy) });
        Rule<CallerAnonymised>(o, null, (e, p) => e with { By = p.Rename(e.By) });
        Rule<AccountErased>(o, null, (e, p) => e with { By = p.Rename(e.By) });
        Rule<VolunteerProfileUpdated>(o, null, (e, p) => e with { UpdatedBy = p.Rename(e.UpdatedBy) });
    }

    // The event types that carry neither free text nor a name (checked by the same test).
    public static readonly Type[] WithoutPersonalData = [typeof(ReminderSent), typeof(Matching.VolunteersInvited), typeof(RequestAnonymised)];

    // Filled as the rules are registered; several app instances (tests) may register at once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Registered = new();

    public static IReadOnlyCollection<Type> Covered => (IReadOnlyCollection<Type>)Registered.Keys;

    private static void Rule<T>(StoreOptions o, Func<T, T>? ofCaller, Func<T, PersonErasure, T> ofPerson) where T : notnull
    {
        Func<T, T> rule = e => Current switch
        {
            CallerErasure when ofCaller is not null => ofCaller(e),
            PersonErasure p => ofPerson(e, p),
            _ => e,
        };
        o.Events.AddMaskingRuleForProtectedInformation(rule);
        Registered.TryAdd(typeof(T), true);
    }
}
