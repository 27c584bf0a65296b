namespace DigitaleHilfe.Web.Infrastructure.Tenancy;

// Where a town is reached: its id (the Marten tenant id, also its path prefix) and the host names that lead to it;
// and whom its mail comes from (null: the installation's Smtp:From and Smtp:FromName).
public sealed record TownAddress(string Id, IReadOnlyList<string> Hosts, string? SenderName = null, string? SenderAddress = null);

// The towns this installation carries, as far as infrastructure needs them (the Towns feature keeps the rest).
public interface ITownDirectory
{
    IReadOnlyList<TownAddress> Towns { get; }

    // The town to use when none is set: the only one there is, or none when there are several.
    string? OnlyTown => Towns is [var only] ? only.Id : null;

    Task RefreshAsync(CancellationToken cancellation = default);
}
