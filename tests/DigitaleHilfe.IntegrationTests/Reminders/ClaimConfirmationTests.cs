using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Reminders;

public sealed class ClaimConfirmationTests(AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task Claiming_sends_the_volunteer_the_contact_details_once()
    {
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync();
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(request, new NoteAdded(request, "Bitte vormittags anrufen", "Hanna Hotline", AppFixture.Start));
            await session.SaveChangesAsync();
        }

        await StepAsync(volunteer, request, "claim");
        await SettleAsync();
        await SettleAsync();

        var mail = MailsTo(volunteer.Account.Email).ShouldHaveSingleItem();
        mail.Subject!.ShouldContain("Kontaktdaten");
        mail.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Digitale Hilfe Kaiserslautern");
        mail.ReplyTo.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("digitale-hilfe@kaiserslautern.example");
        mail.TextBody!.ShouldContain("Erika Mustermann");
        mail.TextBody!.ShouldContain("0631 123456");
        mail.TextBody!.ShouldContain("Notizen: Bitte vormittags anrufen (Hanna Hotline)");
        mail.TextBody!.ShouldContain($"http://digitalehilfe.test/Board/{request}");
        mail.HtmlBody!.ShouldContain("Erika Mustermann");
        (await RemindersSentAsync(request)).ShouldHaveSingleItem().Kind.ShouldBe("ClaimConfirmation");
    }

    [Fact]
    public async Task A_volunteer_who_wants_no_contact_emails_gets_none_and_no_event_is_written()
    {
        var volunteer = await VolunteerAsync(new VolunteerEmails(ClaimDetails: false));
        var request = await LogCallAsync();

        await StepAsync(volunteer, request, "claim");
        await SettleAsync();

        MailsTo(volunteer.Account.Email).ShouldBeEmpty();
        (await RemindersSentAsync(request)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_confirmation_that_could_not_go_out_for_more_than_a_day_is_dropped_as_stale()
    {
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync();
        await WhileMailServerIsDownAsync(async () =>
        {
            await StepAsync(volunteer, request, "claim");
            await SettleAsync();
        });

        await AtAsync(AppFixture.Start.AddDays(1).AddMinutes(1));

        MailsAbout("Kontaktdaten").ShouldBeEmpty();
    }
}
