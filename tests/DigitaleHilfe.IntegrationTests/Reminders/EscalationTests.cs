using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class EscalationTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;

    [Fact]
    public async Task A_request_still_open_after_24_hours_is_escalated_to_every_coordinator_once()
    {
        var coordinators = new[] { await CoordinatorAsync(), await CoordinatorAsync() };
        var request = await LogCallAsync();
        await SettleAsync();

        await AtAsync(Start.AddHours(24).AddMinutes(-1));
        MailsAbout("Noch nicht übernommen").ShouldBeEmpty();

        await AtAsync(Start.AddHours(24));
        await AtAsync(Start.AddHours(30));

        var mails = MailsAbout("Noch nicht übernommen");
        mails.Count.ShouldBe(2);
        foreach (var c in coordinators) mails.ShouldContain(m => m.To.ToString().Contains(c.Email));
        mails[0].TextBody!.ShouldContain($"http://digitalehilfe.test/HelpRequests/{request}");
        mails[0].TextBody!.ShouldNotContain("Mustermann");
        (await RemindersSentAsync(request)).Count(e => e.Kind == "UnclaimedEscalation").ShouldBe(1);
    }

    [Fact]
    public async Task The_request_page_shows_the_reminders_still_to_come()
    {
        var request = await LogCallAsync();
        await SettleAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var page = await coordinator.GetStringAsync($"/HelpRequests/{request}");

        page.ShouldContain("Geplante Erinnerungen");
        page.ShouldContain("27.11.2026, 10:00 Uhr</time>: Hinweis an die Koordination: noch nicht übernommen");
        page.ShouldContain("28.11.2026, 10:00 Uhr</time>: Einladung weiterer Helfender");
    }

    [Fact]
    public async Task A_request_claimed_before_its_escalation_gets_none()
    {
        await CoordinatorAsync();
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync();
        App.Clock.SetUtcNow(Start.AddHours(23));
        await StepAsync(volunteer, request, "claim");

        await AtAsync(Start.AddHours(25));
        await AtAsync(Start.AddHours(49));

        MailsAbout("Noch nicht übernommen").ShouldBeEmpty();
        (await RemindersSentAsync(request)).ShouldNotContain(e => e.Kind == "UnclaimedEscalation" || e.Kind == "UnclaimedWidening");
    }

    [Fact]
    public async Task After_48_hours_the_invitation_circle_widens_to_the_next_best_volunteers()
    {
        var volunteers = new List<Account>();
        foreach (var districts in new[] { "innenstadt-ost", "innenstadt-ost", "innenstadt-ost", "erfenbach", "erfenbach" })
        {
            var account = await App.CreateAccountAsync(Role.Volunteer);
            await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            session.Events.Append(account.Id, new VolunteerProfileUpdated(account.Id, ["online-banking"], [districts], ["de"], ["hausbesuch"], 2, [], null, "Test", Start));
            await session.SaveChangesAsync();
            volunteers.Add(account);
        }
        var request = await LogCallAsync();
        await SettleAsync();
        (await RequestAsync(request)).InvitedVolunteers.ShouldBe(volunteers.Take(3).Select(v => v.Id), ignoreOrder: true);

        await AtAsync(Start.AddHours(47));
        (await RequestAsync(request)).InvitedVolunteers.Count.ShouldBe(3);

        await AtAsync(Start.AddHours(48));
        await AtAsync(Start.AddHours(60));

        (await RequestAsync(request)).InvitedVolunteers.ShouldBe(volunteers.Select(v => v.Id), ignoreOrder: true);
        foreach (var v in volunteers) MailsTo(v.Email).Count(m => m.Subject!.StartsWith("Neue Anfrage")).ShouldBe(1);
    }

    [Fact]
    public async Task An_invitation_to_a_refused_address_is_listed_as_undeliverable()
    {
        var refused = (await App.SendAsync(new CreateAccount.Command(
            $"{TestSmtpServer.RefusedMarker}@example.org", "Vera Verreist", [Role.Volunteer], AppFixture.Password))).Account!;
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(refused.Id, new VolunteerProfileUpdated(refused.Id, ["online-banking"], ["innenstadt-ost"], ["de"], ["hausbesuch"], 2, [], null, "Test", Start));
            session.Store(refused with { Certificate = AppFixture.ValidCertificate });
            await session.SaveChangesAsync();
        }

        await LogCallAsync();
        await SettleAsync();

        await using var query = App.QuerySession();
        var entry = (await query.Query<Web.Features.Reminders.UndeliverableEmail>().ToListAsync()).ShouldHaveSingleItem();
        entry.Kind.ShouldBe("Einladung passender Helfender");
        entry.Recipient.ShouldBe("Helfende Person Vera Verreist");
        entry.Reason.ShouldContain("550");
    }
}
