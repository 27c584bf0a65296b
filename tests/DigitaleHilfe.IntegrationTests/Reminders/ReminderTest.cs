using DigitaleHilfe.Web.Features.Reminders;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DigitaleHilfe.IntegrationTests.Reminders;

// Shared steps of the reminder tests: real requests through the API, the test clock moved, the
// reminder machinery settled, and what arrived at the real SMTP server read back.
public abstract class ReminderTest(AppFixture app) : IntegrationTest(app)
{
    protected sealed record Volunteer(Account Account, HttpClient Api);

    protected async Task<Volunteer> VolunteerAsync(VolunteerEmails? emails = null, string[]? topics = null)
    {
        var account = await App.CreateAccountAsync(Role.Volunteer);
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, topics ?? ["tablet"], ["erfenbach"], ["de"], ["telefon"], 3, [], null,
                "Test", AppFixture.Start, Emails: emails));
            await session.SaveChangesAsync();
        }
        var key = await App.SendAsync(new CreateApiKey.Command(account.Email, "Test"));
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return new Volunteer(account, api);
    }

    protected Task<Account> CoordinatorAsync() => App.CreateAccountAsync(Role.Coordinator);

    protected async Task<Guid> LogCallAsync(string? callerEmail = null)
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        if (callerEmail is not null)
        {
            await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            var caller = await session.LoadAsync<Caller>(logged.CallerId);
            session.Store(caller! with { Email = callerEmail, Address = "Hauptstraße 1, 67659 Kaiserslautern" });
            await session.SaveChangesAsync();
        }
        return logged.Id;
    }

    // A volunteer has claimed a fresh request (the usual start of a reminder test).
    protected async Task<(Volunteer Volunteer, Guid Request)> ClaimedAsync(string? callerEmail = null)
    {
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync(callerEmail);
        await StepAsync(volunteer, request, "claim");
        return (volunteer, request);
    }

    // The test mail server refuses connections while the action runs, then comes back.
    protected async Task WhileMailServerIsDownAsync(Func<Task> action)
    {
        await App.Smtp.StopAsync();
        try { await action(); }
        finally { App.Smtp.Start(); }
    }

    protected static async Task StepAsync(Volunteer v, Guid requestId, string step, object? body = null)
    {
        var response = await v.Api.PostAsJsonAsync($"/api/v1/help-requests/{requestId}/{step}", body ?? new { });
        response.EnsureSuccessStatusCode();
    }

    protected static Task ScheduleAsync(Volunteer v, Guid requestId, DateTimeOffset at) =>
        StepAsync(v, requestId, "appointment", new { at, mode = "telefon", place = "Anruf bei Frau M." });

    protected async Task AtAsync(DateTimeOffset moment)
    {
        App.Clock.SetUtcNow(moment);
        await App.SettleRemindersAsync();
    }

    protected async Task SettleAsync() => await App.SettleRemindersAsync();

    protected IReadOnlyList<MimeMessage> MailsTo(string address) =>
        App.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    protected IReadOnlyList<MimeMessage> MailsAbout(string subjectPart) =>
        App.Smtp.Messages.Where(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal)).ToList();

    protected async Task<IReadOnlyList<ReminderSent>> RemindersSentAsync(Guid requestId)
    {
        await using var session = App.QuerySession();
        return (await session.Events.FetchStreamAsync(requestId)).Select(e => e.Data).OfType<ReminderSent>().ToList();
    }

    protected async Task<HelpRequest> RequestAsync(Guid requestId)
    {
        await using var session = App.QuerySession();
        return (await session.LoadAsync<HelpRequest>(requestId))!;
    }
}
