using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Privacy;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class MaskingCoverageTests(AppFixture app) : IntegrationTest(app)
{
    // A new event type with a name or free text that nobody gave a masking rule would survive an erasure.
    [Fact]
    public void Every_stored_event_type_has_a_masking_rule_or_is_known_to_hold_no_personal_data()
    {
        var store = (DocumentStore)App.Services.GetRequiredService<IDocumentStore>();
        var types = ((Marten.Events.EventGraph)store.Options.Events).AllKnownEventTypes().Select(e => e.EventType).Where(t => t.Namespace!.StartsWith("DigitaleHilfe")).ToList();

        types.Count.ShouldBeGreaterThan(20);
        types.Where(t => !MaskingRules.Covered.Contains(t) && !MaskingRules.WithoutPersonalData.Contains(t)).ShouldBeEmpty();
    }
}
