using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// Marten's masking rewrites the events of the streams it is given. A stream id is unique only within a town, so an
// erasure in one town must not touch another town's stream of the same id (a known pitfall of conjoined tenancy).
public sealed class MaskingTests(AppFixture app) : IntegrationTest(app)
{
    private const string Database = "digitalehilfe_masking";
    private readonly TestSmtpServer _mail = new();

    public override async Task DisposeAsync() => await _mail.DisposeAsync();

    [Fact]
    public async Task Erasing_a_senior_in_one_town_masks_nothing_of_another_towns_stream_with_the_same_id()
    {
        await OwnDatabase.EmptyAsync(Database);
        var instance = OwnDatabase.Instance(App, Database, new TestClock(AppFixture.Start), _mail, runsReminders: false);
        var store = instance.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true }))
        {
            session.Insert(new Town("kus", "Digitale Hilfe Kusel", ["kusel.example"], null, null, null, AppFixture.Start));
            await session.SaveChangesAsync();
        }
        await instance.Services.GetRequiredService<TownDirectory>().RefreshAsync();

        Web.Features.Intake.LogCall.Result logged;
        using (TownContext.Enter(FirstTownOptions.DefaultId))
            logged = await OwnDatabase.SendAsync(instance, AppFixture.ValidCall("Zora Zufall") with { Description = "Geheimes Detail über Zora" });
        await using (var kaiserslautern = store.QuerySession(FirstTownOptions.DefaultId))
        await using (var kusel = store.LightweightSession("kus"))
        {
            var events = await kaiserslautern.Events.FetchStreamAsync(logged.Id);
            kusel.Events.StartStream(logged.Id, events.Select(e => e.Data).ToArray());
            await kusel.SaveChangesAsync();
        }

        using (TownContext.Enter(FirstTownOptions.DefaultId))
            (await OwnDatabase.SendAsync(instance, new EraseCaller.Command(logged.CallerId, ErasureReason.Retention))).Outcome.ShouldBe(EraseCaller.Outcome.Erased);

        var texts = new Dictionary<string, string>();
        await using (var db = new NpgsqlConnection(OwnDatabase.ConnectionTo(Database)))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand("select tenant_id, string_agg(data::text, ' ') from digitalehilfe.mt_events where stream_id = $1 group by tenant_id", db);
            command.Parameters.Add(new NpgsqlParameter { Value = logged.Id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) texts[reader.GetString(0)] = reader.GetString(1);
        }
        texts[FirstTownOptions.DefaultId].ShouldNotContain("Geheimes Detail");
        texts[FirstTownOptions.DefaultId].ShouldContain(Erasure.Masked);
        texts["kus"].ShouldContain("Geheimes Detail über Zora");
    }
}
