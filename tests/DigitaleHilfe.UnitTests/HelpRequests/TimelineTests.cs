using DigitaleHilfe.Web.Features.HelpRequests;
using JasperFx.Events;

namespace DigitaleHilfe.UnitTests.HelpRequests;

public sealed class TimelineTests
{
    private static readonly DateTimeOffset LoggedAt = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_logged_call_reads_as_who_took_it_and_when()
    {
        var id = Guid.NewGuid();
        var logged = new HelpRequestLogged(id, "2026-0042", "Erika", "0631 1", "smartphone", "…", "erfenbach", "telefon", "Hotline", LoggedAt);

        var entry = Timeline.From([Stored(logged, version: 1)]).ShouldHaveSingleItem();

        entry.ShouldBe(new TimelineEntry("HelpRequestLogged", LoggedAt, "Hotline", "Anruf aufgenommen, Vorgangsnummer 2026-0042", 1));
    }

    [Fact]
    public void An_event_this_version_does_not_know_still_shows_with_the_store_time()
    {
        var stored = Stored(new { Something = "new" }, version: 2);
        stored.Timestamp = LoggedAt;

        var entry = Timeline.From([stored]).ShouldHaveSingleItem();

        entry.At.ShouldBe(LoggedAt);
        entry.By.ShouldBe("unbekannt");
    }

    private static IEvent Stored(object data, long version)
    {
        var wrapper = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        wrapper.Version = version;
        return wrapper;
    }
}
