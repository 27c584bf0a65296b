namespace DigitaleHilfe.Web.Features.Catalog;

// The topics, districts and district neighbours a town chose for itself; null: the installation's (Catalog:…,
// Matching:Neighbours). Help modes stay the installation's: the certificate rule depends on them.
public sealed record TownLists(
    IReadOnlyList<CatalogEntry>? Topics = null,
    IReadOnlyList<CatalogEntry>? Districts = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Neighbours = null);
