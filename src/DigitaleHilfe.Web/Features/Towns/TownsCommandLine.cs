using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Towns;

// `dotnet DigitaleHilfe.Web.dll towns add --id kl --name "Kaiserslautern" --host kl.digitale-hilfe.example …` and
// `towns list`. Exit codes as for `users`: 0 done, 1 refused (the id is taken), 2 bad arguments.
public static class TownsCommandLine
{
    public const string Usage =
        "Aufruf: towns add --id ID --name NAME [--host HOST …] [--hotline NUMMER] [--sender-name NAME] [--sender-address E-MAIL] | towns list";

    public static bool Handles(string[] args) => args is ["towns", ..];

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var towns = services.GetRequiredService<TownDirectory>();
        if (args is ["towns", "list"])
        {
            foreach (var t in towns.All) output.WriteLine($"{t.Id}\t{t.Name ?? "(Name der Installation)"}\t{string.Join(", ", t.Hosts)}");
            return 0;
        }
        if (args is not ["towns", "add", ..]) return Fail(error, args.Length > 1 ? $"Unbekannter Befehl „{args[1]}“." : "Es fehlt ein Befehl.");
        if (!CommandLineOptions.TryParse(args[2..], ["id", "name", "host", "hotline", "sender-name", "sender-address"], ["host"], out var options, out var problem))
            return Fail(error, problem);
        if (!options.TryGetValue("id", out var ids) || !options.TryGetValue("name", out var names))
            return Fail(error, "--id und --name sind nötig.");
        var town = new Town(ids[0], names[0], options.GetValueOrDefault("host") ?? [], options.GetValueOrDefault("hotline")?[0],
            options.GetValueOrDefault("sender-name")?[0], options.GetValueOrDefault("sender-address")?[0],
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (await TownRules.AddAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<Npgsql.NpgsqlDataSource>(), towns, town) is { } refusal)
            return refusal.IsConflict ? Refuse(error, refusal.Message) : Fail(error, refusal.Message);
        output.WriteLine($"Ort angelegt: {town.Id} ({town.Name})");
        return 0;
    }

    private static int Refuse(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        return 1;
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine($"{problem} {Usage}");
        return 2;
    }
}
