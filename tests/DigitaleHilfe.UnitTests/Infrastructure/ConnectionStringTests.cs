using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Repeated_statements_are_prepared_and_planned_for_their_values_by_default()
    {
        var settings = new NpgsqlConnectionStringBuilder(PersistenceSetup.WithPreparedStatements("Host=db;Database=dh;Username=dh"));

        settings.MaxAutoPrepare.ShouldBe(50);
        settings.AutoPrepareMinUsages.ShouldBe(2);
        settings.Options.ShouldBe("-c plan_cache_mode=force_custom_plan");
        settings.Host.ShouldBe("db");
    }

    [Fact]
    public void Options_of_the_connection_string_are_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder(PersistenceSetup.WithPreparedStatements("Host=db;Options=-c statement_timeout=5000"));

        settings.Options.ShouldBe("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan");
    }

    [Fact]
    public void A_connection_string_that_sets_its_own_Max_Auto_Prepare_is_left_as_it_is()
    {
        const string own = "Host=db;Max Auto Prepare=0;Database=dh";
        PersistenceSetup.WithPreparedStatements(own).ShouldBe(own);

        const string other = "Host=db;Max Auto Prepare=10";
        PersistenceSetup.WithPreparedStatements(other).ShouldBe(other);
    }
}
