using DigitaleHilfe.Web.Infrastructure.Tenancy;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;

namespace DigitaleHilfe.Web.Features.Demo;

// Fills an empty database with two towns (Kaiserslautern and Kusel), each with one account per role and a few
// realistic calls, so ./run.sh shows a living app. Runs only when DemoData:Seed is true, and only once: a database with any account or
// request is left alone. The logins are printed by run.sh; never enable this in production.
public sealed class DemoData(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoData> logger) : IHostedService
{
    public static readonly CreateAccount.Command[] Accounts =
    [
        new("hotline@example.org", "Hanna Hotline", [Role.Operator], "Telefon-Demo-2026!"),
        new("helferin@example.org", "Petra Helferin", [Role.Volunteer], "Ehrenamt-Demo-2026!"),
        new("koordination@example.org", "Klaus Koordination", [Role.Coordinator], "Warteschlange-2026!"),
        new("admin@example.org", "Anton Admin", [Role.Admin], "Server-Demo-2026!"),
    ];

    private static readonly LogCall.Command[] Calls =
    [
        new() { CallerName = "Erika Mustermann", Phone = "0631 123456", Topic = "online-banking", District = "innenstadt-ost", HelpMode = "hausbesuch", Consent = true,
                Address = "Fackelstraße 12, 67655 Kaiserslautern", Email = "erika.mustermann@example.org",
                Description = "Möchte Überweisungen am Tablet machen, die App fragt nach einem Code, den sie nicht findet." },
        new() { CallerName = "Heinz Becker", Phone = "0631 98765", Topic = "smartphone", District = "erfenbach", HelpMode = "telefon", Consent = true,
                Description = "Neues Smartphone vom Enkel, weiß nicht, wie man Fotos per WhatsApp verschickt." },
        new() { CallerName = "Gertrud Schäfer", Phone = "+49 631 55501", Topic = "videotelefonie", District = "morlautern", HelpMode = "video", Consent = true,
                Description = "Will mit der Tochter in Kanada per Video sprechen; Kamera bleibt schwarz." },
        new() { CallerName = "Walter Klein", Phone = "0631 4242 42", Topic = "online-behoerden", District = "betzenberg", HelpMode = "sprechstunde", Consent = true,
                Description = "Braucht einen Termin beim Bürgercenter und kommt mit dem Online-Formular nicht zurecht." },
        new() { CallerName = "Ingrid Wolf", Phone = "0631 777 888", Topic = "internet-wlan", District = "hohenecken", HelpMode = "hausbesuch", Consent = true,
                Address = "Burgstraße 3, 67661 Kaiserslautern",
                Description = "WLAN-Passwort vergessen, Router steht im Keller. Hört schlecht, bitte langsam sprechen." },
    ];

    // The second demo town: reached as http://localhost:5080 while Kaiserslautern answers at http://127.0.0.1:5080.
    public static readonly Towns.Town Kusel = new("kus", "Digitale Hilfe Kusel", ["localhost"], "06381 424-100",
        "Digitale Hilfe Kusel", "digitale-hilfe@kusel.example", DateTimeOffset.UnixEpoch)
    {
        // Its own districts and colour, so the demo shows a town that set itself up (Admin → Ort).
        LogoText = "Digitale Hilfe Kusel", Palette = "gruen",
        Lists = new Catalog.TownLists(Districts:
        [
            new("kusel-innenstadt", "Kusel-Innenstadt"), new("diedelkopf", "Diedelkopf"), new("bledesbach", "Bledesbach"),
            new("rammelsbach", "Rammelsbach"), new("ausserhalb", "Außerhalb von Kusel"),
        ], Neighbours: new Dictionary<string, IReadOnlyList<string>>
        {
            ["kusel-innenstadt"] = ["diedelkopf", "bledesbach"], ["diedelkopf"] = ["rammelsbach"],
        }),
    };

    public static readonly CreateAccount.Command[] KuselAccounts =
    [
        new("hotline@kusel.example", "Karin Hotline", [Role.Operator], "Telefon-Kusel-2026!"),
        new("helfer@kusel.example", "Karl Helfer", [Role.Volunteer], "Ehrenamt-Kusel-2026!"),
        new("koordination@kusel.example", "Kerstin Koordination", [Role.Coordinator], "Warteschlange-Kusel-2026!"),
        new("admin@kusel.example", "Kai Admin", [Role.Admin], "Server-Kusel-2026!"),
    ];

    private static readonly LogCall.Command[] KuselCalls =
    [
        new() { CallerName = "Hildegard Roth", Phone = "06381 1234", Topic = "smartphone", District = "kusel-innenstadt", HelpMode = "telefon", Consent = true,
                Description = "Das Telefon zeigt nur noch große Symbole an; sie möchte es wieder normal haben." },
        new() { CallerName = "Otto Weber", Phone = "06381 98 76", Topic = "online-banking", District = "diedelkopf", HelpMode = "hausbesuch", Consent = true,
                Address = "Marktplatz 2, 66869 Kusel", Description = "Die TAN-App auf dem neuen Handy einrichten." },
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("DemoData:Seed", false)) return;
        var towns = scopes.CreateScope().ServiceProvider.GetRequiredService<Towns.TownDirectory>();
        await SeedTownAsync(towns.All[0].Id, Accounts, Calls, cancellationToken);
        if (towns.Find(Kusel.Id) is null)
        {
            var store = scopes.CreateScope().ServiceProvider.GetRequiredService<IDocumentStore>();
            await using var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true });
            session.Store(Kusel with { AddedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(cancellationToken);
            await towns.RefreshAsync(cancellationToken);
        }
        await SeedTownAsync(Kusel.Id, KuselAccounts, KuselCalls, cancellationToken);
    }

    private async Task SeedTownAsync(string town, CreateAccount.Command[] accounts, LogCall.Command[] calls, CancellationToken cancellationToken)
    {
        using var inTown = TownContext.Enter(town);
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        if (!await session.Query<Account>().AnyAsync(cancellationToken))
        {
            foreach (var account in accounts)
            {
                var created = (await mediator.Send(account, cancellationToken)).Account!;
                if (created.Has(Role.Volunteer)) await GiveProfileAsync(scope.ServiceProvider, created.Id, cancellationToken);
            }
            logger.LogInformation("Demo data: {Count} accounts created in {Town}.", accounts.Length, town);
        }
        if (!await session.Query<HelpRequest>().AnyAsync(cancellationToken))
        {
            foreach (var call in calls) await mediator.Send(call, cancellationToken);
            logger.LogInformation("Demo data: {Count} help requests logged in {Town}.", calls.Length, town);
        }
    }

    // The demo volunteer helps with phones, tablets and banking around the north of the city, so the
    // board, the suggestions and the invitation emails (in smtp4dev) have something to show.
    private static async Task GiveProfileAsync(IServiceProvider services, Guid volunteerId, CancellationToken ct)
    {
        await using var session = services.GetRequiredService<TownSessionFactory>().OpenSession();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        session.Events.Append(volunteerId, new Features.Volunteers.VolunteerProfileUpdated(volunteerId,
            ["online-banking", "smartphone", "tablet"],
            [.. services.GetRequiredService<Catalog.Catalog>().Districts.Select(d => d.Id).Intersect(["erfenbach", "innenstadt-ost", "morlautern", "kusel-innenstadt", "diedelkopf"])], ["de", "en"],
            ["hausbesuch", "telefon"], 3, [], null, "Demo", now));
        // Her certificate of conduct runs out in a month, so "Hinweise" shows the reminder.
        var today = DateOnly.FromDateTime(Features.Shared.CityTime.Local(now).Date);
        var account = await session.LoadAsync<Account>(volunteerId, ct);
        session.Store(account! with { Certificate = new CertificateRecord(today.AddYears(-5).AddDays(30), today.AddYears(-5).AddDays(40), "Demo", today.AddDays(30)) });
        await session.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoDataSetup
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddHostedService<DemoData>();
}
