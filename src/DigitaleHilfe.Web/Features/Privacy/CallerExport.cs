using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.Web.Features.Privacy;

// Everything stored about one senior (Art. 15 DSGVO), readable by them: their data, every request with
// its history, who looked at their contact details, the emails sent to them and their consents. Other
// people appear by first name only (the volunteers and staff who worked on their requests).
public static class CallerExport
{
    public sealed record Query(Guid CallerId) : IQuery<Export?>;

    public sealed record Person(
        Guid Id, string Name, IReadOnlyList<string> Phones, string? Address, string? Email, string? ContactPerson, string? Notes,
        string? Language, DateTimeOffset? FirstContact, DateTimeOffset? AnonymisedAt);

    public sealed record Step(DateTimeOffset At, string By, string What);

    public sealed record Request(
        string Number, string Topic, string District, string HelpMode, string Status, DateTimeOffset LoggedAt, string Description,
        string? Summary, string? PreferredTimes, IReadOnlyList<string> AddedDetails, DateTimeOffset? AppointmentAt, string? AppointmentPlace,
        string? Outcome, int MinutesSpent, IReadOnlyList<Step> History);

    public sealed record ContactView(string RequestNumber, string By, DateTimeOffset At);

    public sealed record Email(string RequestNumber, string What, DateTimeOffset At, bool Delivered);

    public sealed record Consent(string? RequestNumber, string What, string? TextVersion, string? Text, DateTimeOffset At);

    public sealed record Callback(string? RequestNumber, string Reason, DateTimeOffset DueAt, IReadOnlyList<Step> Attempts);

    public sealed record Export(
        DateTimeOffset CreatedAt, Person Person, IReadOnlyList<Request> Requests, IReadOnlyList<ContactView> ContactViews,
        IReadOnlyList<Email> Emails, IReadOnlyList<Consent> Consents, IReadOnlyList<Callback> Callbacks);

    // "Anna Beispiel" → "Anna": enough for the senior to know who it was, nothing more about them.
    public static string FirstName(string name) =>
        name is "System" or "" ? name : name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;

    public sealed class Handler(IQuerySession session, Catalog.Catalog catalog, TimeProvider clock, Towns.TownDirectory towns) : IQueryHandler<Query, Export?>
    {
        public async ValueTask<Export?> Handle(Query query, CancellationToken ct)
        {
            var caller = await session.LoadAsync<Caller>(query.CallerId, ct);
            if (caller?.MergedInto is { } survivor) caller = await session.LoadAsync<Caller>(survivor, ct);
            if (caller is null) return null;

            var requests = await session.Query<HelpRequest>().Where(r => r.CallerId == caller.Id).OrderBy(r => r.LoggedAt).ToListAsync(ct);
            var records = new List<Request>();
            var views = new List<ContactView>();
            var mails = new List<Email>();
            var consents = new List<Consent>();
            foreach (var r in requests)
            {
                var events = await session.Events.FetchStreamAsync(r.Id, token: ct);
                var history = Timeline.From(events, r.AnonymisedAt).Select(e => new Step(e.At, FirstName(e.By), e.Text)).ToList();
                records.Add(new Request(r.Number, catalog.TopicLabel(r.Topic), catalog.DistrictLabel(r.District), catalog.HelpModeLabel(r.HelpMode),
                    StatusLabels.German(r.Status), r.LoggedAt, r.Description, r.Summary, r.PreferredTimes, r.AddedDetails,
                    r.Appointment?.At, r.Appointment?.Place, r.Outcome is { } o ? OutcomeLabels.German(o) : null, r.MinutesSpent, history));
                foreach (var e in events)
                {
                    switch (e.Data)
                    {
                        case ContactDetailsViewed v:
                            views.Add(new ContactView(r.Number, FirstName(v.ViewedBy), v.ViewedAt));
                            break;
                        case ReminderSent sent when sent.Delivered.Concat(sent.Undeliverable).Any(k => k.EndsWith("/caller")):
                            mails.Add(new Email(r.Number, ReminderKinds.Label(sent.Kind), sent.SentAt, sent.Delivered.Any(k => k.EndsWith("/caller"))));
                            break;
                        case ConsentRecorded c:
                            consents.Add(new Consent(r.Number, "Einwilligung erteilt", c.TextVersion, ConsentText.Of(c.TextVersion, towns.ForWork()), c.RecordedAt));
                            break;
                    }
                }
            }
            foreach (var e in await session.Events.FetchStreamAsync(caller.Id, token: ct))
            {
                if (e.Data is ConsentWithdrawn w) consents.Add(new Consent(null, "Einwilligung widerrufen", null, w.Note, w.RecordedAt));
                if (e.Data is CallerAnonymised a) consents.Add(new Consent(null, $"Daten gelöscht ({ErasureReasons.German(a.Reason)})", null, null, a.At));
            }
            var callbacks = await session.Query<CallbackTask>().Where(t => t.CallerId == caller.Id).OrderBy(t => t.DueAt).ToListAsync(ct);

            var person = new Person(caller.Id, caller.Name, caller.Phones.Select(Phones.Display).ToList(), caller.Address, caller.Email,
                caller.ContactPerson, caller.Notes, caller.Language is { } l ? Shared.Languages.Name(l) : null,
                caller.AnonymisedAt is null ? caller.CreatedAt : null, caller.AnonymisedAt);
            return new Export(clock.GetUtcNow(), person, records, views, mails.OrderBy(m => m.At).ToList(), consents.OrderBy(c => c.At).ToList(),
                callbacks.Select(t => new Callback(t.RequestNumber, t.Reason, t.DueAt,
                    t.Attempts.Select(a => new Step(a.At, FirstName(a.By), $"{CallbackTask.German(a.Outcome)}{(a.Note is { Length: > 0 } n ? $" – {n}" : "")}")).ToList())).ToList());
        }
    }
}
