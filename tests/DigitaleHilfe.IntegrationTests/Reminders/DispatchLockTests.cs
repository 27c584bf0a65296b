using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Reminders;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Marten;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Reminders;

// One dispatch round per town at a time across the nodes, and a node killed in its round does not take the
// town's reminders down with it (the two-node check: a kill left Hangfire's lock row behind, and no reminder of
// the town went out for its ten-minute timeout).
public sealed class DispatchLockTests(AppFixture app) : ReminderTest(app)
{
    private async Task<string> DueEscalationAsync()
    {
        await CoordinatorAsync();
        var request = await LogCallAsync();
        await SettleAsync();
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession(Towns.First);
        var plan = await session.Query<PlannedReminder>().SingleAsync(p => p.RequestId == request && p.Kind == ReminderKind.UnclaimedEscalation);
        App.Clock.SetUtcNow(plan.DueAt);
        return plan.DeliveryId;
    }

    private async Task<int> DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchReminders>().RunAsync();
    }

    [Fact]
    public async Task A_lock_row_a_killed_node_left_in_Hangfires_storage_does_not_hold_the_dispatch_back()
    {
        await DueEscalationAsync();
        await using var db = new NpgsqlConnection(AppFixture.ConnectionString);
        await db.OpenAsync();
        await using (var left = new NpgsqlCommand("insert into hangfire.lock (resource, updatecount, acquired) values ($1, 0, now()) on conflict do nothing", db))
        {
            left.Parameters.Add(new() { Value = $"hangfire:digitalehilfe:reminders:dispatch:{Towns.First}" });
            await left.ExecuteNonQueryAsync();
        }
        try
        {
            (await DispatchAsync()).ShouldBe(1);
        }
        finally
        {
            await using var clean = new NpgsqlCommand("delete from hangfire.lock where resource like 'hangfire:digitalehilfe:reminders:dispatch:%'", db);
            await clean.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task The_lock_of_a_node_whose_connection_died_is_free_at_once()
    {
        await DueEscalationAsync();
        var key = Web.Infrastructure.Persistence.AdvisoryLock.KeyOf($"reminders:dispatch:{Towns.First}");
        // Another node in its round, killed: the lock goes with its connection.
        var other = new NpgsqlConnection(AppFixture.ConnectionString + ";Pooling=false");
        await other.OpenAsync();
        await using (var hold = new NpgsqlCommand("select pg_advisory_lock($1)", other) { Parameters = { new() { Value = key } } })
            await hold.ExecuteNonQueryAsync();
        await using (var db = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await db.OpenAsync();
            await using var kill = new NpgsqlCommand("select pg_terminate_backend($1)", db) { Parameters = { new() { Value = other.ProcessID } } };
            (await kill.ExecuteScalarAsync()).ShouldBe(true);
        }

        (await DispatchAsync()).ShouldBe(1);
        try { await other.DisposeAsync(); } catch (NpgsqlException) { }   // its server process is gone
    }

    [Fact]
    public async Task A_node_killed_while_handing_a_round_to_Hangfire_leaves_its_reminders_to_the_next_round()
    {
        await DueEscalationAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Every round to Hangfire (a small one would be sent by this node itself, see below).
            var options = scope.ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.Copy();
            options.SendHereUpTo = 0;
            var killed = ActivatorUtilities.CreateInstance<DispatchReminders>(scope.ServiceProvider, new KilledBeforeEnqueueing(), Options.Create(options));
            await Should.ThrowAsync<IOException>(killed.RunAsync);
        }

        // Well within the lease: the reminder does not wait for it, as no job of the killed node ever got it.
        (await DispatchAsync()).ShouldBe(1);
        await SettleAsync();
        MailsAbout("Noch nicht übernommen").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_small_round_is_sent_by_the_dispatching_node_itself_without_a_Hangfire_job()
    {
        var deliveryId = await DueEscalationAsync();
        var jobsBefore = await JobCountAsync();

        (await DispatchAsync()).ShouldBe(1);

        // Out when the round returns, not when a job server gets to it.
        MailsAbout("Noch nicht übernommen").Count.ShouldBe(1);
        (await JobCountAsync()).ShouldBe(jobsBefore);
        await using var session = App.QuerySession();
        var delivery = (await session.LoadAsync<ReminderDelivery>(deliveryId)).ShouldNotBeNull();
        delivery.Done.ShouldBeTrue();
        delivery.DispatchKey.ShouldBeNull();
    }

    [Fact]
    public async Task A_node_killed_while_sending_a_small_round_itself_leaves_its_reminders_to_the_next_round_at_once()
    {
        await DueEscalationAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var dying = new KilledWhileMailing();
            var reminder = ActivatorUtilities.CreateInstance<SendReminder>(scope.ServiceProvider, dying);
            var killed = ActivatorUtilities.CreateInstance<DispatchReminders>(scope.ServiceProvider, reminder, dying);
            await Should.ThrowAsync<IOException>(killed.RunAsync);
        }
        MailsAbout("Noch nicht übernommen").ShouldBeEmpty();

        // No lease to wait for: nothing was handed to a job.
        (await DispatchAsync()).ShouldBe(1);
        MailsAbout("Noch nicht übernommen").Count.ShouldBe(1);
    }

    private static async Task<long> JobCountAsync()
    {
        await using var db = new NpgsqlConnection(AppFixture.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from hangfire.job where invocationdata::text like '%SendReminder%'", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private sealed class KilledWhileMailing : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => throw new IOException("the node died here");
        public Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken = default) =>
            throw new IOException("the node died here");
        public IAsyncDisposable HoldConnection() => new NothingHeld();
        private sealed class NothingHeld : IAsyncDisposable { public ValueTask DisposeAsync() => ValueTask.CompletedTask; }
    }

    private sealed class KilledBeforeEnqueueing : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new IOException("the node died here");
        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }
}
