using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using DigitaleHilfe.Web.Infrastructure.Tenancy;

namespace DigitaleHilfe.Web.Features.Accounts;

// `dotnet DigitaleHilfe.Web.dll users add|api-key …`: accounts for a fresh install and for scripts,
// without starting the web server. Exit codes: 0 done, 1 refused (e.g. the account exists), 2 bad
// arguments. The one thing a script needs (a generated password, an API key) is the last line.
public static class UsersCommandLine
{
    public const string Usage =
        "Aufruf: users add --email E --name N --role R [--role R2] [--password P] [--town ID] | users api-key --email E [--name LABEL] [--town ID]";

    public static bool Handles(string[] args) => args is ["users", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (!TryParse(args.Skip(1).ToArray(), out var verb, out var options, out var problem))
            return Fail(error, problem);

        // The town the account belongs to: the one named, or the only one there is.
        var towns = services.GetRequiredService<ITownDirectory>().Towns;
        string town;
        if (options.TryGetValue("town", out var townIds))
        {
            if (towns.All(t => t.Id != townIds[0])) return Fail(error, $"Einen Ort „{townIds[0]}“ gibt es nicht. Vorhanden: {string.Join(", ", towns.Select(t => t.Id))}.");
            town = townIds[0];
        }
        else if (towns is [var only]) town = only.Id;
        else return Fail(error, $"Hier gibt es mehrere Orte; bitte mit --town einen wählen ({string.Join(", ", towns.Select(t => t.Id))}).");
        using var inTown = TownContext.Enter(town);

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        switch (verb)
        {
            case "add":
            {
                if (!options.TryGetValue("email", out var emails) || !options.TryGetValue("name", out var names) || !options.TryGetValue("role", out var roleNames))
                    return Fail(error, "--email, --name und mindestens ein --role sind nötig.");
                var roles = new List<Role>();
                foreach (var name in roleNames)
                    if (Enum.TryParse<Role>(name, ignoreCase: true, out var role) && Enum.IsDefined(role)) roles.Add(role);
                    else return Fail(error, $"Unbekannte Rolle „{name}“. Erlaubt: {string.Join(", ", Enum.GetNames<Role>())}.");
                if (!System.Net.Mail.MailAddress.TryCreate(emails[0], out _)) return Fail(error, $"„{emails[0]}“ ist keine E-Mail-Adresse.");

                var generated = !options.TryGetValue("password", out var passwords);
                var password = generated ? Secrets.New(15) : passwords![0];
                var result = await mediator.Send(new CreateAccount.Command(emails[0], names[0], roles, password));
                if (result.Refusal is not null)
                {
                    error.WriteLine(result.Refusal);
                    return 1;
                }
                output.WriteLine($"Konto angelegt: {result.Account!.Email} ({string.Join(", ", result.Account.Roles)})");
                if (generated) output.WriteLine(password);
                return 0;
            }
            case "api-key":
            {
                if (!options.TryGetValue("email", out var emails)) return Fail(error, "--email ist nötig.");
                var label = options.TryGetValue("name", out var labels) ? labels[0] : "Kommandozeile";
                var key = await mediator.Send(new CreateApiKey.Command(emails[0], label));
                if (key is null)
                {
                    error.WriteLine($"Kein aktives Konto für {emails[0]}.");
                    return 1;
                }
                output.WriteLine($"API-Schlüssel „{label}“ für {emails[0]} – er wird nur dieses eine Mal angezeigt:");
                output.WriteLine(key);
                return 0;
            }
            default:
                return Fail(error, $"Unbekannter Befehl „{verb}“.");
        }
    }

    private static bool TryParse(string[] args, out string verb, out Dictionary<string, List<string>> options, out string problem)
    {
        verb = args.FirstOrDefault() ?? "";
        options = new Dictionary<string, List<string>>();
        if (verb is not ("add" or "api-key")) { problem = verb.Length == 0 ? "Es fehlt ein Befehl." : $"Unbekannter Befehl „{verb}“."; return false; }
        string[] known = verb == "add" ? ["email", "name", "role", "password", "town"] : ["email", "name", "town"];
        return CommandLineOptions.TryParse(args[1..], known, ["role"], out options, out problem);
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"{problem} {Usage}");
        return 2;
    }
}
