using DigitaleHilfe.Web.Infrastructure.Tenancy;

namespace DigitaleHilfe.Web.Features.Towns;

// The one way the settings pages change a town: the row is locked for the change, the form's revision must still
// be the stored one (else someone saved in between and the form is refused, not laid over their change), and every
// node reads the new settings at once here, within ten seconds elsewhere.
public static class TownEdits
{
    public enum Outcome { Saved, ChangedMeanwhile }

    public const string ChangedMeanwhile =
        "Jemand hat die Angaben des Ortes inzwischen geändert. Bitte sehen Sie sich den neuen Stand an und tragen Sie Ihre Änderung dann noch einmal ein.";

    public static async Task<Outcome> SaveAsync(IDocumentStore store, TownDirectory towns, int revision, Func<Town, Town> change, CancellationToken ct)
    {
        var id = TownContext.Id ?? towns.All.Single().Id;
        await using (var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true }))
        {
            await session.BeginTransactionAsync(ct);
            var town = (await session.QueryAsync<Town>("where id = ? for update", ct, id)).SingleOrDefault()
                ?? throw new InvalidOperationException($"Town {id} is gone.");
            if (town.Revision != revision) return Outcome.ChangedMeanwhile;
            session.Store(change(town) with { Revision = town.Revision + 1 });
            await session.SaveChangesAsync(ct);
        }
        await towns.RefreshAsync(ct);
        return Outcome.Saved;
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
