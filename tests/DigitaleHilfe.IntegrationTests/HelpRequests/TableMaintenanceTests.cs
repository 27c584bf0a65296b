using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

// The requests table is vacuumed after 1 % of it changed, so that deep list pages read only the index soon after
// a burst of intakes (docs/performance.md). The setting is part of the schema, so db-apply brings an existing
// installation's table up to date as well.
public sealed class TableMaintenanceTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<string[]> OptionsAsync()
    {
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"select coalesce(reloptions, '{{}}') from pg_class where oid = '{PersistenceSetup.SchemaName}.mt_doc_helprequest'::regclass", connection);
        return (string[])(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_requests_table_is_vacuumed_after_one_percent_of_it_changed_and_db_apply_sets_that_on_an_existing_table()
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        await using (var reset = new NpgsqlCommand(
            $"alter table {PersistenceSetup.SchemaName}.mt_doc_helprequest reset (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor)", connection))
            await reset.ExecuteNonQueryAsync();
        Assert.Empty(await OptionsAsync());

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var options = await OptionsAsync();
        Assert.Contains("autovacuum_vacuum_scale_factor=0.01", options);
        Assert.Contains("autovacuum_vacuum_insert_scale_factor=0.01", options);
        Assert.Contains("autovacuum_analyze_scale_factor=0.02", options);
        // Read back as written: no change left for the next start or db-assert.
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
