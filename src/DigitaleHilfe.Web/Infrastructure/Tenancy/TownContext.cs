namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

// The town (Marten tenant) the current work belongs to. It flows with the async call: the town resolution sets it
// for a web request, the job filter for a Hangfire job, a background round for each town it visits. Sessions read
// it when they are opened (TownSessionFactory), so no handler passes a town along by hand.
public static class TownContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Id => Current.Value;

    public static IDisposable Enter(string townId)
    {
        if (string.IsNullOrWhiteSpace(townId)) throw new ArgumentException("A town id is required.", nameof(townId));
        var previous = Current.Value;
        Current.Value = townId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

// A session was asked for while no town was known and the installation has several: an error, never a guess.
public sealed class TownNotKnownException()
    : InvalidOperationException("No town is set for this work, and the installation carries several towns.");
