using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Board;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Reminders;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

// Events moved from HelpRequests/HelpRequest.cs into the features they belong to (and so into other
// namespaces). Stored events are found by their alias, which must not change, and rows written before
// the move carry the old .NET type name, which must not matter.
public sealed class EventNamesTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Dictionary<string, string> Moved = new()
    {
        ["reminder_sent"] = "DigitaleHilfe.Web.Features.HelpRequests.ReminderSent, DigitaleHilfe.Web",
        ["follow_up_answered"] = "DigitaleHilfe.Web.Features.HelpRequests.FollowUpAnswered, DigitaleHilfe.Web",
        ["volunteers_invited"] = "DigitaleHilfe.Web.Features.HelpRequests.VolunteersInvited, DigitaleHilfe.Web",
        ["contact_details_viewed"] = "DigitaleHilfe.Web.Features.HelpRequests.ContactDetailsViewed, DigitaleHilfe.Web",
    };

    [Fact]
    public async Task Events_stored_before_they_moved_to_their_features_still_load_under_the_same_names()
    {
        var request = (await App.SendAsync(AppFixture.ValidCall())).Id;
        var now = App.Clock.GetUtcNow();
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            session.Events.Append(request,
                new VolunteersInvited(request, [Guid.NewGuid()], now),
                new ReminderSent(request, "Invitation", "open@x", ["Invitation:open@x/a"], [], true, now),
                new ContactDetailsViewed(request, Guid.NewGuid(), "Petra", now),
                new FollowUpAnswered(request, true, null, "Telefon", "Hanna", now));
            await session.SaveChangesAsync();
        }
        // As the rows written before the move look: same alias, the old namespace in the .NET type column.
        await using (var connection = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var (alias, oldType) in Moved)
            {
                await using var update = new NpgsqlCommand(
                    "update digitalehilfe.mt_events set mt_dotnet_type = $1 where stream_id = $2 and type = $3", connection)
                {
                    Parameters = { new() { Value = oldType }, new() { Value = request }, new() { Value = alias } },
                };
                (await update.ExecuteNonQueryAsync()).ShouldBe(1, alias);
            }
        }

        // A fresh app instance has appended none of these types itself: only their registration maps the aliases.
        await using var read = App.Variant().Services.GetRequiredService<IDocumentStore>().QuerySession(Towns.First);
        var events = (await read.Events.FetchStreamAsync(request)).Select(e => e.Data).ToList();
        events.OfType<VolunteersInvited>().ShouldHaveSingleItem();
        events.OfType<ReminderSent>().ShouldHaveSingleItem();
        events.OfType<ContactDetailsViewed>().ShouldHaveSingleItem();
        events.OfType<FollowUpAnswered>().ShouldHaveSingleItem();
        var rebuilt = (await read.Events.AggregateStreamAsync<HelpRequest>(request))!;
        rebuilt.InvitedVolunteers.Count.ShouldBe(1);
        rebuilt.FollowUpAllGood.ShouldBe(true);
        rebuilt.HandledReminders.ShouldContain("Invitation:open@x/a");
    }
}
