namespace DigitaleHilfe.Web.Features.HelpRequests;

// Who asks for a change. Volunteer facts are filled for the volunteer a claim or assignment is about.
public sealed record Actor(Guid? AccountId, string Name, bool IsCoordinator, bool IsOperator, bool IsVolunteer)
{
    // The reminders acting on their own (a claim that ran out).
    public static readonly Actor System = new(null, "System", IsCoordinator: false, IsOperator: false, IsVolunteer: false);

    // Releases by this person in the last hour, and how many the configuration allows (ClaimLimits).
    public int RecentReleases { get; init; }
    public int ReleasesPerHour { get; init; } = int.MaxValue;
}

public sealed record VolunteerFacts(Guid Id, string Name, bool Approved, bool Paused, int Capacity, int ActiveRequests)
{
    // The senior asked not to get this volunteer again (Caller.NotAgain).
    public bool NotWantedByCaller { get; init; }
    // Claims by this volunteer in the last hour: a limit keeps anyone from collecting seniors' phone
    // numbers by claiming and releasing in a loop (docs/security.md).
    public int RecentClaims { get; init; }
    public int ClaimsPerHour { get; init; } = int.MaxValue;
    // The request means meeting in person and the volunteer has no valid certificate of conduct.
    public bool MissingCertificate { get; init; }
}

// What a person can do to a request.
public abstract record RequestAction;
public sealed record Claim(VolunteerFacts Volunteer) : RequestAction;
public sealed record Assign(VolunteerFacts Volunteer) : RequestAction;
public sealed record Release(string Reason) : RequestAction;
public sealed record Schedule(DateTimeOffset At, string Mode, string? Place) : RequestAction;
public sealed record CancelAppointment(string? Reason) : RequestAction;
public sealed record AddNote(string Text) : RequestAction;
// EvenBeforeAppointment: the person confirmed reporting although the appointment lies ahead.
public sealed record Resolve(Outcome Outcome, int MinutesSpent, string? Remark = null, bool EvenBeforeAppointment = false) : RequestAction;
public sealed record Reopen : RequestAction;
public sealed record Close : RequestAction;
public sealed record Cancel(string Reason) : RequestAction;
// The senior's data is being erased (consent withdrawn, erasure): whatever is still open ends here.
public sealed record CancelForErasure(string Reason) : RequestAction;
// A claim without an appointment ran out (the reminders decide when, see ReminderSchedule).
public sealed record ExpireClaim(string Reason) : RequestAction;

public enum DecisionKind { Append, AlreadyDone, Refused, TakenByOther, Limited }

// Either the event to append, nothing (a harmless repeat), or a reason in German. The kind says which,
// so that nobody has to compare German sentences to tell a lost race from a refusal.
public sealed record Decision(DecisionKind Kind, object? Event, string? Refusal)
{
    public static Decision Append(object e) => new(DecisionKind.Append, e, null);
    public static Decision Refuse(string reason) => new(DecisionKind.Refused, null, reason);
    public static Decision Taken(string reason) => new(DecisionKind.TakenByOther, null, reason);
    public static Decision Limit(string reason) => new(DecisionKind.Limited, null, reason);
    public static readonly Decision AlreadyDone = new(DecisionKind.AlreadyDone, null, null);
}

// Where each step's endpoint and view are: README.md in this folder.
public static class Lifecycle
{
    public const string Anonymised = "Die persönlichen Daten zu dieser Anfrage wurden gelöscht; sie kann nicht mehr bearbeitet werden.";
    public const string TakenByOther = "Diese Anfrage hat gerade jemand anderes übernommen.";
    public const string AppointmentAhead = "Der Termin war noch nicht – trotzdem melden? Dann setzen Sie bitte das Häkchen „Trotzdem melden“.";
    public const string NeedsCertificate =
        "Für Hilfe vor Ort brauchen wir ein gültiges erweitertes Führungszeugnis von Ihnen. Anfragen per Telefon oder Video können Sie schon übernehmen; bitte zeigen Sie Ihr Führungszeugnis der Koordination.";

    // Pure: the request's rules, one place, unit-tested for every state and action.
    public static Decision Decide(HelpRequest r, RequestAction action, Actor actor, DateTimeOffset now)
    {
        var mine = r.VolunteerId is { } v && v == actor.AccountId;
        var active = r.Status is RequestStatus.Claimed or RequestStatus.Scheduled;
        var handler = mine || actor.IsCoordinator;

        return action switch
        {
            CancelForErasure when !r.IsActive => Decision.AlreadyDone,
            CancelForErasure when !(actor.IsCoordinator || actor.IsOperator || actor == Actor.System) =>
                Decision.Refuse("Nur Hotline und Koordination können eine Anfrage wegen Löschung zurückziehen."),
            CancelForErasure x => Decision.Append(new RequestCancelled(r.Id, x.Reason, actor.Name, now)),
            _ when r.AnonymisedAt is not null => Decision.Refuse(Anonymised),

            Claim c when r.Status == RequestStatus.Open => c.Volunteer switch
            {
                { Approved: false } => Decision.Refuse("Ihr Konto ist noch nicht freigeschaltet."),
                { NotWantedByCaller: true } => Decision.Refuse("Die Person hat sich für diese Anfrage jemand anderen gewünscht."),
                { MissingCertificate: true } => Decision.Refuse(NeedsCertificate),
                var f when f.RecentClaims >= f.ClaimsPerHour => Decision.Limit(
                    $"Sie haben in der letzten Stunde schon {f.RecentClaims} Anfragen übernommen. Bitte versuchen Sie es später noch einmal oder wenden Sie sich an die Koordination."),
                { Paused: true } => Decision.Refuse("Sie haben eine Pause eingetragen. Beenden Sie die Pause in Ihrem Profil, um Anfragen zu übernehmen."),
                var f when f.ActiveRequests >= f.Capacity => Decision.Refuse($"Sie betreuen schon {f.ActiveRequests} Anfragen – so viele, wie Sie in Ihrem Profil angegeben haben."),
                var f => Decision.Append(new RequestClaimed(r.Id, f.Id, f.Name, now)),
            },
            Claim c when c.Volunteer.Id == r.VolunteerId && active => Decision.AlreadyDone,
            Claim when active => Decision.Taken(TakenByOther),
            Claim => Decision.Refuse("Diese Anfrage ist nicht mehr offen."),

            Assign when !actor.IsCoordinator => Decision.Refuse("Nur die Koordination kann Anfragen zuweisen."),
            Assign a when !a.Volunteer.Approved => Decision.Refuse($"{a.Volunteer.Name} ist noch nicht freigeschaltet."),
            Assign a when a.Volunteer.MissingCertificate => Decision.Refuse(
                $"{a.Volunteer.Name} hat kein gültiges erweitertes Führungszeugnis eingetragen und hilft deshalb nur per Telefon oder Video."),
            Assign a when a.Volunteer.NotWantedByCaller => Decision.Refuse($"Die Person möchte nicht wieder von {a.Volunteer.Name} betreut werden."),
            Assign a when a.Volunteer.Id == r.VolunteerId && active => Decision.AlreadyDone,
            Assign a when r.Status == RequestStatus.Open || active => Decision.Append(new RequestAssigned(r.Id, a.Volunteer.Id, a.Volunteer.Name, actor.Name, now)),
            Assign => Decision.Refuse("Diese Anfrage ist abgeschlossen und kann nicht zugewiesen werden."),

            Release when !active => Decision.Refuse("Diese Anfrage ist niemandem zugeordnet."),
            Release when !handler => Decision.Refuse("Nur wer die Anfrage übernommen hat, kann sie zurückgeben."),
            Release when !actor.IsCoordinator && actor.RecentReleases >= actor.ReleasesPerHour => Decision.Limit(
                $"Sie haben in der letzten Stunde schon {actor.RecentReleases} Anfragen zurückgegeben. Bitte wenden Sie sich an die Koordination."),
            Release x => Decision.Append(new RequestReleased(r.Id, r.VolunteerId!.Value, x.Reason, actor.Name, now)),

            Schedule when !active => Decision.Refuse("Einen Termin gibt es erst, wenn jemand die Anfrage übernommen hat."),
            Schedule when !handler => Decision.Refuse("Nur wer die Anfrage übernommen hat, vereinbart den Termin."),
            Schedule s when s.At <= now => Decision.Refuse("Der Termin muss in der Zukunft liegen."),
            Schedule s when r.Appointment is { } a && a.At == s.At && a.Mode == s.Mode && a.Place == s.Place => Decision.AlreadyDone,
            Schedule s => Decision.Append(new AppointmentScheduled(r.Id, s.At, s.Mode, s.Place, actor.Name, now)),

            CancelAppointment when r.Status != RequestStatus.Scheduled => Decision.Refuse("Es gibt keinen Termin, der abgesagt werden könnte."),
            CancelAppointment when !handler => Decision.Refuse("Nur wer die Anfrage übernommen hat, kann den Termin absagen."),
            CancelAppointment x => Decision.Append(new AppointmentCancelled(r.Id, x.Reason, actor.Name, now)),

            AddNote when !(handler || actor.IsOperator) => Decision.Refuse("Notizen schreiben Hotline, Koordination und wer die Anfrage übernommen hat."),
            AddNote n => Decision.Append(new NoteAdded(r.Id, n.Text, actor.Name, now)),

            Resolve when !active => Decision.Refuse("Nur eine übernommene Anfrage kann erledigt werden."),
            Resolve when !handler => Decision.Refuse("Nur wer die Anfrage übernommen hat, meldet das Ergebnis."),
            Resolve x when r.Appointment is { } a && a.At > now && !x.EvenBeforeAppointment => Decision.Refuse(AppointmentAhead),
            Resolve x => Decision.Append(new RequestResolved(r.Id, x.Outcome, x.MinutesSpent, r.VolunteerId, actor.Name, now, x.Remark)),

            Reopen when r.Status is not (RequestStatus.Resolved or RequestStatus.Closed) => Decision.Refuse("Nur eine erledigte Anfrage kann wieder geöffnet werden."),
            Reopen when !handler => Decision.Refuse("Wieder öffnen kann die Koordination oder wer die Anfrage betreut hat."),
            Reopen => Decision.Append(new RequestReopened(r.Id, actor.Name, now)),

            Close when !actor.IsCoordinator => Decision.Refuse("Nur die Koordination schließt Anfragen ab."),
            Close when r.Status == RequestStatus.Closed => Decision.AlreadyDone,
            Close when r.Status != RequestStatus.Resolved => Decision.Refuse("Abschließen geht erst, wenn ein Ergebnis gemeldet ist."),
            Close => Decision.Append(new RequestClosed(r.Id, actor.Name, now)),

            Cancel when !actor.IsCoordinator => Decision.Refuse("Nur die Koordination kann eine Anfrage zurückziehen."),
            Cancel when r.Status == RequestStatus.Cancelled => Decision.AlreadyDone,
            Cancel when r.Status is RequestStatus.Resolved or RequestStatus.Closed => Decision.Refuse("Eine erledigte Anfrage kann nicht mehr zurückgezogen werden."),
            Cancel x => Decision.Append(new RequestCancelled(r.Id, x.Reason, actor.Name, now)),

            // Only a claim still without an appointment expires; anything else happened first and wins.
            ExpireClaim x when r.Status == RequestStatus.Claimed && r.VolunteerId is { } holder =>
                Decision.Append(new RequestReleased(r.Id, holder, x.Reason, actor.Name, now, Expired: true)),
            ExpireClaim => Decision.AlreadyDone,

            _ => Decision.Refuse("Diese Aktion gibt es nicht."),
        };
    }
}
