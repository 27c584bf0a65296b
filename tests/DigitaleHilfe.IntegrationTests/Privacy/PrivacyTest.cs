using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Privacy;

// A senior with a real history: two requests with every kind of free text, claimed, scheduled, reminded,
// resolved, followed up, released and cancelled; each piece of personal data is a word found nowhere else.
public abstract partial class PrivacyTest(AppFixture app) : ReminderTest(app)
{
    protected const string Name = "Wilhelmine Quastenberg", Phone = "0631 7654321", Email = "w.quastenberg@example.org";

    // Every piece of the senior's data as it was typed (the number's subscriber part catches every spelling).
    protected static readonly string[] PersonalData =
    [
        "Wilhelmine", "Quastenberg", "7654321", "Quittenweg", "Quittenbaum", "Apfelkuchenform", "Zimtstern", "Trompete", "Rosamunde",
        "Rosenkohl", "Zwetschgenmus", "Pflaumenbaum", "Birnenkompott", "Glockenblume", "Mirabelle",
    ];

    protected sealed record Senior(Guid CallerId, Guid Resolved, Guid Cancelled, Volunteer Volunteer);

    protected async Task<Senior> SeniorWithHistoryAsync(string name = Name, string phone = Phone, string email = Email)
    {
        var t0 = App.Clock.GetUtcNow();
        var volunteer = await VolunteerAsync();
        var coordinator = await App.ApiClientAsync(Role.Coordinator);
        var first = await App.SendAsync(AppFixture.ValidCall(name) with
        {
            Phone = phone, Email = email, Address = "Quittenweg 17, 67655 Kaiserslautern",
            Description = "Quittenbaum-Kalender auf dem Tablet einrichten", Summary = "Apfelkuchenform", PreferredTimes = "vormittags Mirabelle",
        });
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            var caller = await session.LoadAsync<Caller>(first.CallerId);
            session.Store(caller! with { ContactPerson = "Tochter Rosamunde", Notes = "hoert schlecht, Rosenkohl" });
            await session.SaveChangesAsync();
        }
        await App.SendAsync(new AddDetails.Command { RequestId = first.Id, Text = "Enkel Zimtstern hilft am Wochenende" });
        var operatorPage = await App.SignedInClientAsync(Role.Operator);
        await FormPost.SubmitAsync(operatorPage, $"/HelpRequests/{first.Id}", new Dictionary<string, string> { ["Text"] = "Hoergeraet Trompete" },
            $"/HelpRequests/{first.Id}/Note");

        await StepAsync(volunteer, first.Id, "claim");
        await SettleAsync();
        await StepAsync(volunteer, first.Id, "appointment", new { at = t0.AddDays(1).AddHours(1), mode = "hausbesuch", place = "Quittenweg 17, 2. Stock" });
        await AtAsync(t0.AddDays(1));
        App.Clock.SetUtcNow(t0.AddDays(1).AddHours(3));
        await StepAsync(volunteer, first.Id, "resolve", new { outcome = "Solved", minutesSpent = 75, remark = "Kalender Glockenblume eingerichtet" });
        await AtAsync(t0.AddDays(9));
        var link = new Uri(FollowUpLink().Match(MailsTo(email).Single(m => m.Subject?.Contains("Hat alles geklappt") == true).TextBody!).Value).PathAndQuery;
        var senior = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await FormPost.SubmitAsync(senior, link, new Dictionary<string, string> { ["AllGood"] = "true", ["Comment"] = "Danke, Glockenblume" }))
            .EnsureSuccessStatusCode();

        var second = await App.SendAsync(AppFixture.ValidCall(name) with
        {
            CallerId = first.CallerId, Phone = phone, Topic = "tablet", HelpMode = "telefon", Description = "Quittenbaum-Fotos auf dem Tablet",
        });
        await StepAsync(volunteer, second.Id, "claim");
        await StepAsync(volunteer, second.Id, "appointment", new { at = t0.AddDays(10), mode = "telefon", place = "Anruf Quittenweg" });
        await StepAsync(volunteer, second.Id, "appointment/cancel", new { reason = "Zwetschgenmus, krank" });
        await StepAsync(volunteer, second.Id, "release", new { reason = "Pflaumenbaum, verreist" });
        (await coordinator.PostAsJsonAsync($"/api/v1/help-requests/{second.Id}/cancel", new { reason = "Birnenkompott erledigt sich" })).EnsureSuccessStatusCode();
        await SettleAsync();
        return new Senior(first.CallerId, first.Id, second.Id, volunteer);
    }

    // Everything statistics are made of, per request: what erasure must leave exactly as it was.
    protected async Task<IReadOnlyList<object>> StatisticsAsync()
    {
        await using var session = App.QuerySession();
        var requests = await session.Query<HelpRequest>().OrderBy(r => r.Number).ToListAsync();
        return requests.Select(r => (object)new
        {
            r.Id, r.Number, r.Status, r.Topic, r.District, r.HelpMode, r.LoggedAt, r.StatusSince, r.ClaimedAt, r.ResolvedAt, r.Urgent,
            r.VolunteerId, r.Outcome, r.MinutesSpent, r.FollowUpAllGood, r.ConsentVersion, r.CallerId, Invited = string.Join(",", r.InvitedVolunteers),
            Handled = string.Join(",", r.HandledReminders), AppointmentAt = r.Appointment?.At, AppointmentMode = r.Appointment?.Mode,
        }).ToList();
    }

    [GeneratedRegex(@"http://digitalehilfe\.test/Nachfrage/\S+")]
    private static partial Regex FollowUpLink();
}
