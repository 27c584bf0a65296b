using System.Net.Mail;

namespace DigitaleHilfe.Web.Features.Towns;

// What a new town must satisfy, whether it comes from the command line or (later) a form.
public static class TownRules
{
    public sealed record Refusal(string Message, bool IsConflict = false);

    public static Refusal? Problem(Town town, IReadOnlyList<Town> existing)
    {
        if (!Town.IdPattern.IsMatch(town.Id))
            return new("Die Kennung besteht aus 2 bis 30 Kleinbuchstaben, Ziffern oder Bindestrichen und beginnt mit einem Buchstaben.");
        if (Town.ReservedIds.Contains(town.Id)) return new($"Die Kennung „{town.Id}“ ist für die Anwendung reserviert.");
        if (town.Name is null || town.Name.Trim().Length is 0 or > 100 || town.Name.Any(char.IsControl)) return new("Der Name hat 1 bis 100 Zeichen ohne Steuerzeichen.");
        foreach (var host in town.Hosts)
            if (Uri.CheckHostName(host) != UriHostNameType.Dns) return new($"„{host}“ ist kein Hostname.");
        if (town.SenderAddress is { } sender && !MailAddress.TryCreate(sender, out _)) return new($"„{sender}“ ist keine E-Mail-Adresse.");
        if (town.SenderName is { } senderName && (senderName.Length > 100 || senderName.Any(char.IsControl))) return new("Der Absendername hat höchstens 100 Zeichen ohne Steuerzeichen.");
        if (town.HotlinePhone is { } phone && (phone.Length > 40 || phone.Any(char.IsControl))) return new("Die Hotline-Nummer hat höchstens 40 Zeichen.");
        if (existing.Any(t => t.Id == town.Id)) return new($"Einen Ort mit der Kennung „{town.Id}“ gibt es schon.", IsConflict: true);
        if (existing.FirstOrDefault(t => t.Hosts.Intersect(town.Hosts, StringComparer.OrdinalIgnoreCase).Any()) is { } other)
            return new($"Ein Hostname gehört schon zu „{other.Name ?? other.Id}“.", IsConflict: true);
        return null;
    }
}
