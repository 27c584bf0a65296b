namespace DigitaleHilfe.Web.Features.HelpRequests;

// The API's expected version: `If-Match: "7"` (the version a client read from GET or a previous step).
public static class IfMatch
{
    public const string Malformed = "If-Match muss die Version der Anfrage in Anführungszeichen enthalten, z. B. \"7\".";

    public static string Tag(long version) => $"\"{version}\"";

    // False only for a header that is there but unreadable; a missing header or "*" means "any version".
    public static bool TryRead(HttpRequest request, out long? version)
    {
        version = null;
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*") return true;
        if (value.StartsWith("W/")) value = value[2..];
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"' || !long.TryParse(value[1..^1], out var parsed) || parsed < 0) return false;
        version = parsed;
        return true;
    }
}
