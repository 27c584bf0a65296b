using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Coordination;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Pen test, high: one appointment in the year 9999 stopped every email for everyone.
public sealed class PoisonedRequestTests(AppFixture app) : ReminderTest(app)
{
    // Appended straight to the stream, past every input rule, as data from before the rules would be.
    private async Task PoisonAsync(Guid requestId, DateTimeOffset at)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
        session.Events.Append(requestId, new AppointmentScheduled(requestId, at, "telefon", null, "Test", App.Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_request_whose_history_makes_planning_throw_is_skipped_shown_and_every_other_request_still_gets_its_mail()
    {
        var (poisonedBy, poisoned) = await ClaimedAsync();
        await SettleAsync();
        await PoisonAsync(poisoned, DateTimeOffset.MaxValue.AddDays(-1));
        await SettleAsync();
        App.Smtp.Clear();

        // Afterwards, another volunteer claims another request: the claim confirmation still arrives.
        var (other, request) = await ClaimedAsync();
        await SettleAsync();

        MailsTo(other.Account.Email).ShouldContain(m => m.Subject!.Contains("Kontaktdaten"));
        (await RemindersSentAsync(request)).ShouldContain(r => r.Kind == nameof(ReminderKind.ClaimConfirmation));
        await using (var session = App.QuerySession())
        {
            var problem = await session.LoadAsync<BackgroundProblem>(BackgroundProblem.IdFor(BackgroundProblem.Planning, poisoned));
            problem.ShouldNotBeNull();
            problem.SolvedAt.ShouldBeNull();
            problem.Error.ShouldContain("ArgumentOutOfRangeException");
        }
        var coordinator = await App.SignedInClientAsync(Web.Features.Accounts.Role.Coordinator);
        var page = await coordinator.GetStringAsync("/Coordination/Alerts");
        page.ShouldContain((await RequestAsync(poisoned)).Number);
        page.ShouldContain("Erinnerungen planen");

        // Fixed by moving the appointment: planned again, and the problem is marked solved.
        await ScheduleAsync(poisonedBy, poisoned, App.Clock.GetUtcNow().AddDays(3));
        await SettleAsync();
        await using (var session = App.QuerySession())
        {
            (await session.LoadAsync<BackgroundProblem>(BackgroundProblem.IdFor(BackgroundProblem.Planning, poisoned)))!.SolvedAt.ShouldNotBeNull();
            (await session.Query<PlannedReminder>().Where(p => p.RequestId == poisoned).ToListAsync())
                .ShouldContain(p => p.Kind == ReminderKind.AppointmentReminder);
        }
        (await coordinator.GetStringAsync("/Coordination/Alerts")).ShouldNotContain((await RequestAsync(poisoned)).Number);
    }
}
