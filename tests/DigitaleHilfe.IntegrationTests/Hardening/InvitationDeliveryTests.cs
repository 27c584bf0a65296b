using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;

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
    public async Task Two_invitation_jobs_at_once_invite_each_volunteer_once()
    {
        var anna = await VolunteerAsync(topics: ["online-banking"]);
        var request = (await App.SendAsync(Call)).Id;
        await SettleAsync();
        // The same delivery handed out twice (a lease ran out while the first job still ran).
        await using (var session = App.QuerySession())
        {
            var delivery = await session.Query<ReminderDelivery>().SingleAsync(d => d.PlanId == PlannedReminder.IdFor(request, ReminderKind.Invitation));
            delivery.Done.ShouldBeTrue();
        }
        await SettleAsync();
        MailsTo(anna.Account.Email).Count.ShouldBe(1);
        await using (var check = App.QuerySession())
            (await check.Events.FetchStreamAsync(request)).Count(e => e.Data is VolunteersInvited).ShouldBe(1);
    }
}
