using System.Net.Mail;

namespace DigitaleHilfe.Web.Features.Towns;

// What a new town must satisfy, whether it comes from the command line or the network admin's form. Field: the
// form field the refusal belongs to.
public static class TownRules
{
    public sealed record Refusal(string Message, bool IsConflict = false, string Field = "");

    public static Refusal? Problem(Town town, IReadOnlyList<Town> existing)
    {
        if (!Town.IdPattern.IsMatch(town.Id))
            return new("Die Kennung besteht aus 2 bis 30 Kleinbuchstaben, Ziffern oder Bindestrichen und beginnt mit einem Buchstaben.", Field: "Id");
        if (Town.ReservedIds.Contains(town.Id)) return new($"Die Kennung „{town.Id}“ ist für die Anwendung reserviert.", Field: "Id");
        if (town.Name is null || town.Name.Trim().Length is 0 or > 100 || town.Name.Any(char.IsControl)) return new("Der Name hat 1 bis 100 Zeichen ohne Steuerzeichen.", Field: "Name");
        foreach (var host in town.Hosts)
            if (Uri.CheckHostName(host) != UriHostNameType.Dns) return new($"„{host}“ ist kein Hostname.", Field: "Hosts");
        if (town.SenderAddress is { } sender && !MailAddress.TryCreate(sender, out _)) return new($"„{sender}“ ist keine E-Mail-Adresse.", Field: "SenderAddress");
        if (town.SenderName is { } senderName && (senderName.Length > 100 || senderName.Any(char.IsControl))) return new("Der Absendername hat höchstens 100 Zeichen ohne Steuerzeichen.", Field: "SenderName");
        if (town.HotlinePhone is { } phone && (phone.Length > 40 || phone.Any(char.IsControl))) return new("Die Hotline-Nummer hat höchstens 40 Zeichen.", Field: "HotlinePhone");
        if (existing.Any(t => t.Id == town.Id)) return new($"Einen Ort mit der Kennung „{town.Id}“ gibt es schon.", IsConflict: true, Field: "Id");
        if (existing.FirstOrDefault(t => t.Hosts.Intersect(town.Hosts, StringComparer.OrdinalIgnoreCase).Any()) is { } other)
            return new($"Ein Hostname gehört schon zu „{other.Name ?? other.Id}“.", IsConflict: true, Field: "Hosts");
        return null;
    }

    // Stores a new town that passed the rules; a town of that id stored meanwhile (another node, the command line)
    // is a refusal, not an error. Every node serves it within ten seconds, this one at once.
    public static async Task<Refusal?> AddAsync(IDocumentStore store, Npgsql.NpgsqlDataSource database, TownDirectory towns, Town town, CancellationToken ct = default)
    {
        // Checked against the towns as stored now, not the list this node read up to ten seconds ago, and one addition at
        // a time across all nodes: ids are unique in the table, host names only by this check, so two additions with
        // one host at the same moment both passed it (a test showed it).
        await using var oneAtATime = await Infrastructure.Persistence.AdvisoryLock.AcquireAsync(database, "towns:add", ct);
        await towns.RefreshAsync(ct);
        if (Problem(town, towns.All) is { } refusal) return refusal;
        await using (var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true }))
        {
            session.Insert(town);
            try { await session.SaveChangesAsync(ct); }
            catch (Exception e) when (Infrastructure.Persistence.UniqueViolation.Is(e))
            {
                return new($"Einen Ort mit der Kennung „{town.Id}“ gibt es schon.", IsConflict: true, Field: "Id");
            }
        }
        await towns.RefreshAsync(ct);
        return null;
    }
}
