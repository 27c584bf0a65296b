using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

// The list's "Betreut von" filter offered every volunteer of the town on every page view: 10,000 options, and the
// page stopped answering under load (docs/performance.md). Now: those holding a running request, and the one chosen.
public sealed class FilterVolunteersTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_volunteer_filter_offers_those_holding_a_running_request_and_the_one_chosen()
    {
        var holder = await App.CreateAccountAsync(Role.Volunteer);
        var idle = await App.CreateAccountAsync(Role.Volunteer);
        var chosen = await App.CreateAccountAsync(Role.Volunteer);
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            var id = Guid.NewGuid();
            session.Events.StartStream<HelpRequest>(id,
                new HelpRequestOpened(id, "2026-7000001", Guid.NewGuid(), "tablet", "…", "erfenbach", "telefon", null, false, "Hanna", AppFixture.Start),
                new RequestClaimed(id, holder.Id, holder.Name, AppFixture.Start.AddMinutes(5)));
            await session.SaveChangesAsync();
        }
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var offered = await App.SendAsync(new FilterVolunteers.Query(null));
        var withChoice = await App.SendAsync(new FilterVolunteers.Query(chosen.Id));
        var page = await coordinator.GetStringAsync($"/HelpRequests?volunteer={chosen.Id}");

        offered.Select(a => a.Id).ShouldBe([holder.Id]);
        withChoice.Select(a => a.Id).ShouldBe(new[] { holder.Id, chosen.Id }, ignoreOrder: true);
        page.ShouldContain($"<option value=\"{chosen.Id}\" selected=\"selected\">");
        page.ShouldContain($"<option value=\"{holder.Id}\"");
        page.ShouldNotContain(idle.Id.ToString());
    }
}
