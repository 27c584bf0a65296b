using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

// The background writes its plans and deliveries many to a statement (DocumentRows); Marten must read those rows as
// its own documents, and the writes must stay in the session's town.
public sealed class DocumentRowsTests(AppFixture app) : IntegrationTest(app)
{
    private const string OtherTown = "anderswo";

    private IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    private static ReminderDelivery Delivery(string id, int attempts = 0) =>
        new() { Id = id, PlanId = id.Split('@')[0], Occurrence = "open@1", Attempts = attempts, DispatchKey = Guid.NewGuid(), DispatchedAt = AppFixture.Start };

    [Fact]
    public async Task Documents_written_in_one_statement_are_read_back_as_Marten_wrote_them_and_overwrite_older_ones()
    {
        var (a, b) = (Delivery("a/Invitation@open@1"), Delivery("b/Invitation@open@1"));
        await using (var session = Store.LightweightSession(Towns.First))
        {
            session.Store(a with { Attempts = 7 });
            await session.SaveChangesAsync();
        }
        await using (var session = Store.LightweightSession(Towns.First))
        {
            DocumentRows.QueueUpsert(session, [a, b, b with { Attempts = 2 }], d => d.Id);
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession(Towns.First);
        (await query.LoadAsync<ReminderDelivery>(a.Id)).ShouldBe(a);
        (await query.LoadAsync<ReminderDelivery>(b.Id)).ShouldBe(b with { Attempts = 2 });   // the last one of an id
        (await query.Query<ReminderDelivery>().Where(d => d.Attempts == 2).ToListAsync()).ShouldHaveSingleItem().Id.ShouldBe(b.Id);
        (await query.MetadataForAsync(b))!.DotNetType.ShouldBe(typeof(ReminderDelivery).FullName);
    }

    [Fact]
    public async Task Writes_and_deletes_stay_in_the_sessions_town()
    {
        var shared = Delivery("c/Invitation@open@1");
        await using (var other = Store.LightweightSession(OtherTown))
        {
            other.Store(shared with { Attempts = 5 });
            await other.SaveChangesAsync();
        }
        await using (var session = Store.LightweightSession(Towns.First))
        {
            DocumentRows.QueueUpsert(session, [shared], d => d.Id);
            await session.SaveChangesAsync();
        }
        await using (var session = Store.LightweightSession(Towns.First))
        {
            DocumentRows.QueueDelete<ReminderDelivery>(session, [shared.Id]);
            await session.SaveChangesAsync();
        }

        await using (var query = Store.QuerySession(Towns.First))
            (await query.LoadAsync<ReminderDelivery>(shared.Id)).ShouldBeNull();
        await using (var query = Store.QuerySession(OtherTown))
            (await query.LoadAsync<ReminderDelivery>(shared.Id))!.Attempts.ShouldBe(5);
        await using (var cleanUp = Store.LightweightSession(OtherTown))
        {
            cleanUp.Delete<ReminderDelivery>(shared.Id);
            await cleanUp.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_document_type_whose_rows_Marten_writes_differently_is_refused()
    {
        await using var session = Store.LightweightSession(Towns.First);

        // Guid ids and duplicated columns (status, volunteer, …): only Marten's own Store writes those right.
        Should.Throw<InvalidOperationException>(() => DocumentRows.QueueUpsert(session, [new HelpRequest(Guid.NewGuid(), "2026-1", RequestStatus.Open, "", "", "", "", "", "", "", AppFixture.Start)], r => r.Id.ToString()));
    }
}
