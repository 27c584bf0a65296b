using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class ConnectionStringTests
{
    private const string Keepalives = "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3";

    [Fact]
    public void Repeated_statements_are_prepared_planned_for_their_values_and_dead_peers_dropped_by_default()
    {
        var settings = new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db;Database=dh;Username=dh"));

        settings.MaxAutoPrepare.ShouldBe(50);
        settings.AutoPrepareMinUsages.ShouldBe(2);
        settings.Options.ShouldBe($"-c plan_cache_mode=force_custom_plan {Keepalives}");
        settings.Host.ShouldBe("db");
    }

    [Fact]
    public void Options_of_the_connection_string_are_kept_and_win()
    {
        var settings = new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db;Options=-c statement_timeout=5000 -c tcp_keepalives_idle=60"));

        settings.Options.ShouldBe("-c statement_timeout=5000 -c tcp_keepalives_idle=60 -c plan_cache_mode=force_custom_plan -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3");
    }

    [Fact]
    public void The_job_storage_has_a_pool_of_its_own_always_without_the_reset_and_with_the_same_defaults()
    {
        const string given = "Host=db;Database=dh;Username=dh";
        var settings = new NpgsqlConnectionStringBuilder(PersistenceSetup.ForJobStorage(given));

        settings.NoResetOnClose.ShouldBeTrue();
        settings.Options.ShouldBe($"-c plan_cache_mode=force_custom_plan {Keepalives}");
        new NpgsqlConnectionStringBuilder(PersistenceSetup.ForJobStorage(given + ";No Reset On Close=false")).NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public void Connections_go_back_to_the_pool_without_a_reset_unless_the_connection_string_asks_for_it()
    {
        new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db")).NoResetOnClose.ShouldBeTrue();
        new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db;No Reset On Close=false")).NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void A_connection_string_that_sets_its_own_Max_Auto_Prepare_keeps_it()
    {
        new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db;Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(PersistenceSetup.WithConnectionDefaults("Host=db;Max Auto Prepare=10")).MaxAutoPrepare.ShouldBe(10);
    }
}
