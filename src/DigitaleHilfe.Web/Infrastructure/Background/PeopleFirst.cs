namespace DigitaleHilfe.Web.Infrastructure.Background;

// The background gives way to people. An operator logging a call has a senior on the line; the invitations
// that call causes can start a moment later. On a node that serves requests and runs background work, each
// step of that work (a reminder job's round, a dispatch round, a planner page) first waits until no request is
// in progress here, but never longer than GiveWayUpTo, so under a full load of people it still goes on, only
// more slowly, and catches up afterwards. Both share two cores and one database on a small installation; the
// background used to take half of the intakes' throughput and stretch their slowest percent (docs/performance.md).
public sealed class PeopleFirst(TimeSpan giveWayUpTo)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(2);
    private int _inProgress;
    private long _waitedTicks;

    public TimeSpan GiveWayUpTo => giveWayUpTo;

    public int InProgress => Volatile.Read(ref _inProgress);

    // How long the background has waited for people on this node since it started.
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public Request Begin()
    {
        Interlocked.Increment(ref _inProgress);
        return new Request(this);
    }

    // Returns how long it waited (for the tests and the metrics); a cancelled wait ends at once.
    public async ValueTask<TimeSpan> GiveWayAsync(CancellationToken ct = default)
    {
        if (giveWayUpTo <= TimeSpan.Zero || InProgress == 0) return TimeSpan.Zero;
        // Wall time, not the app's clock: the tests move that one, and a wait must end.
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        // Polling, not a signal: a request's end costs it nothing, and a 2 ms step is far below an intake's time.
        while (InProgress > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(start) < giveWayUpTo && !ct.IsCancellationRequested)
            await Task.Delay(Poll, CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        Interlocked.Add(ref _waitedTicks, waited.Ticks);
        return waited;
    }

    public readonly struct Request(PeopleFirst owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inProgress);
    }
}

// The async daemon's pages (statistics, volunteer activity, the reminder planner) give way before they commit.
// Marten calls this before it opens the page's connection and transaction, and only for continuous work, never
// during a rebuild; nothing is held while it waits.
public sealed class DaemonGivesWay(PeopleFirst people) : Marten.IChangeListener
{
    public Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public async Task BeforeCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) =>
        await people.GiveWayAsync(token);
}

public static class PeopleFirstSetup
{
    public static IServiceCollection AddPeopleFirst(this IServiceCollection services, IConfiguration configuration)
    {
        // Longer would let a steady stream of requests (a big export, a crawler) hold the reminders back for minutes.
        var upTo = configuration.GetInRange("Background:GiveWayUpTo", TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(10));
        var people = new PeopleFirst(upTo);
        services.AddSingleton(people);
        services.ConfigureMarten(options => options.Projections.AsyncListeners.Add(new DaemonGivesWay(people)));
        return services;
    }

    // Every request a person or a client waits for; not the probes and scrapes that arrive on their own clock.
    public static IApplicationBuilder UsePeopleFirst(this IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<PeopleFirst>();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
            {
                await next(context);
                return;
            }
            using var _ = gate.Begin();
            await next(context);
        });
    }
}
