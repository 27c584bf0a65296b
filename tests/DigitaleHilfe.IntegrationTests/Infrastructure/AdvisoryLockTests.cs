using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

// The app's pool hands connections back without Npgsql's reset (PersistenceSetup), so a lock is gone only because
// AdvisoryLock releases it: a pooled, idle connection must never keep one.
public sealed class AdvisoryLockTests
{
    [Fact]
    public async Task A_released_lock_is_free_for_another_node_although_its_connection_went_back_to_the_pool_without_a_reset()
    {
        await using var database = NpgsqlDataSource.Create(PersistenceSetup.WithConnectionDefaults(AppFixture.ConnectionString));
        var name = $"test:{Guid.NewGuid()}";
        await using (await AdvisoryLock.AcquireAsync(database, name)) { }
        await using (var again = await AdvisoryLock.TryAcquireAsync(database, name, TimeSpan.Zero)) again.ShouldNotBeNull();

        (await OtherNodeGetsAsync(name)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_held_lock_is_not_free_for_another_node()
    {
        await using var database = NpgsqlDataSource.Create(PersistenceSetup.WithConnectionDefaults(AppFixture.ConnectionString));
        var name = $"test:{Guid.NewGuid()}";
        await using var held = await AdvisoryLock.AcquireAsync(database, name);

        (await OtherNodeGetsAsync(name)).ShouldBeFalse();
    }

    private static async Task<bool> OtherNodeGetsAsync(string name)
    {
        await using var other = new NpgsqlConnection(AppFixture.ConnectionString + ";Pooling=false");
        await other.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", other) { Parameters = { new() { Value = AdvisoryLock.KeyOf(name) } } };
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
