namespace DigitaleHilfe.Web.Infrastructure;

// `--name value` pairs of the app's own commands (users, towns). Only the named options, each with a value that is
// not blank; only the repeatable ones may come twice.
public static class CommandLineOptions
{
    public static bool TryParse(string[] args, string[] known, string[] repeatable, out Dictionary<string, List<string>> options, out string problem)
    {
        options = new Dictionary<string, List<string>>();
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--") ? args[i][2..] : "";
            if (!known.Contains(name)) { problem = $"Unbekannte Option „{args[i]}“."; return false; }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--") || args[i + 1].Trim().Length == 0)
            { problem = $"Option {args[i]} braucht einen Wert."; return false; }
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            if (!repeatable.Contains(name) && values.Count > 0) { problem = $"Option {args[i]} ist doppelt."; return false; }
            values.Add(args[i + 1]);
        }
        return true;
    }
}
