using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using JasperFx.Events.Daemon;
using Marten.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Pen test, medium: invitations were lost when the mail server was down at intake, while the timeline
// said "2 passende Helfende per E-Mail eingeladen".
public sealed class InvitationDeliveryTests(AppFixture app) : ReminderTest(app)
{
    private static readonly Web.Features.Intake.LogCall.Command Call =
        AppFixture.ValidCall() with { Topic = "online-banking", District = "erfenbach", HelpMode = "telefon" };

    [Fact]
    public async Task Invitations_refused_while_the_mail_server_is_down_arrive_when_it_is_back_and_the_timeline_says_so_only_then()
    {
        var anna = await VolunteerAsync(topics: ["online-banking"]);
        var ben = await VolunteerAsync(topics: ["online-banking"]);
        App.Smtp.Clear();
        Guid request = default;
        await WhileMailServerIsDownAsync(async () =>
        {
            request = (await App.SendAsync(Call)).Id;
            await SettleAsync();
        });
        (await RequestAsync(request)).InvitedVolunteers.ShouldBeEmpty();
        await using (var session = App.QuerySession())
            (await session.Events.FetchStreamAsync(request)).ShouldNotContain(e => e.Data is VolunteersInvited);

        await AtAsync(App.Clock.GetUtcNow().AddMinutes(1));

        MailsTo(anna.Account.Email).Count.ShouldBe(1);
        MailsTo(ben.Account.Email).Count.ShouldBe(1);
        (await RequestAsync(request)).InvitedVolunteers.ShouldBe([anna.Account.Id, ben.Account.Id], ignoreOrder: true);
        await using (var session = App.QuerySession())
        {
            var timeline = Timeline.From(await session.Events.FetchStreamAsync(request));
            timeline.ShouldContain(t => t.Text == "2 passende Helfende per E-Mail eingeladen");
        }
        // Sent once: settling again mails nobody a second time.
        await AtAsync(App.Clock.GetUtcNow().AddHours(1));
        MailsTo(anna.Account.Email).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_runs_of_one_invitation_job_at_the_same_moment_invite_each_volunteer_once()
    {
        var volunteers = new[] { await VolunteerAsync(topics: ["online-banking"]), await VolunteerAsync(topics: ["online-banking"]) };
        var request = (await App.SendAsync(Call)).Id;
        await SettleAsync();
        App.Smtp.Clear();
        var later = new[] { await VolunteerAsync(topics: ["online-banking"]), await VolunteerAsync(topics: ["online-banking"]) };
        await App.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
        PlannedReminder plan;
        await using (var query = App.QuerySession())
            plan = (await query.LoadAsync<PlannedReminder>(PlannedReminder.IdFor(request, ReminderKind.UnclaimedWidening)))!;
        App.Clock.SetUtcNow(plan.DueAt);
        var delivery = new ReminderDelivery
        {
            Id = plan.DeliveryId, PlanId = plan.Id, Occurrence = plan.Occurrence, DispatchKey = Guid.NewGuid(), DispatchedAt = plan.DueAt,
        };
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Store(delivery);
            await session.SaveChangesAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendReminder>().RunAsync(delivery.Id, delivery.DispatchKey!.Value);
        }));

        foreach (var v in later) MailsTo(v.Account.Email).Count.ShouldBe(1);
        await using var check = App.QuerySession();
        var invited = (await check.Events.FetchStreamAsync(request)).Select(e => e.Data).OfType<VolunteersInvited>().ToList();
        invited.Count.ShouldBe(2);   // the first round and this one
        invited[1].VolunteerIds.ShouldBe(later.Select(v => v.Account.Id), ignoreOrder: true);
    }
}
