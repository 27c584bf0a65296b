using DigitaleHilfe.Web.Infrastructure.Background;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Reminders;

// The background gives way to people on the node (PeopleFirst), but only for a moment at a time: a node that is
// never idle still sends its invitations.
public sealed class PeopleFirstTests(Support.AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task Invitations_still_go_out_while_a_request_is_in_progress_all_the_time_and_the_background_gave_way_to_it()
    {
        var anna = await VolunteerAsync(topics: ["online-banking"]);
        App.Smtp.Clear();
        var people = App.Services.GetRequiredService<PeopleFirst>();
        var waitedBefore = people.Waited;

        using (people.Begin())
        {
            await App.SendAsync(Support.AppFixture.ValidCall() with { Topic = "online-banking", District = "erfenbach", HelpMode = "telefon" });
            await SettleAsync();
        }

        MailsTo(anna.Account.Email).Count.ShouldBe(1);
        (people.Waited - waitedBefore).ShouldBeGreaterThanOrEqualTo(people.GiveWayUpTo);
    }
}
