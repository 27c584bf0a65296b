using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// One installation on a database of its own carrying two towns: Kaiserslautern (the first town, created by the
// upgrade step, reached by any host no town lists) and Kusel (kusel.digitalehilfe.test, its own sender). Each has a
// request, a caller, a callback task, a volunteer and one account per role with a browser session and an API key.
public sealed class TwoTowns
{
    public const string KuselHost = "kusel.digitalehilfe.test", KuselSender = "hilfe@kusel.example";
    public static readonly Uri KaiserslauternAddress = new("http://kl.digitalehilfe.test"), KuselAddress = new($"http://{KuselHost}");

    public sealed record Town(
        string Id, Uri Address, LogCall.Result Request, int Requests, string CallerName, string Phone, Guid Task, Account Volunteer,
        IReadOnlyDictionary<Role, Account> Accounts, IReadOnlyDictionary<Role, HttpClient> Browsers, IReadOnlyDictionary<Role, HttpClient> Api);

    public required WebApplicationFactory<Program> Instance { get; init; }
    public required TestClock Clock { get; init; }
    public required TestSmtpServer Mail { get; init; }
    public required Town Kaiserslautern { get; init; }
    public required Town Kusel { get; init; }

    private static Task<TwoTowns>? _built;
    private static readonly Lock Building = new();

    public static Task<TwoTowns> OfAsync(AppFixture app)
    {
        lock (Building) return _built ??= BuildAsync(app);
    }

    private static async Task<TwoTowns> BuildAsync(AppFixture app)
    {
        const string database = "digitalehilfe_towns";
        await OwnDatabase.EmptyAsync(database);
        var clock = new TestClock(AppFixture.Start);
        var mail = new TestSmtpServer();
        var instance = OwnDatabase.Instance(app, database, clock, mail, runsReminders: true);
        var store = instance.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true }))
        {
            session.Insert(new Web.Features.Towns.Town("kus", "Digitale Hilfe Kusel", [KuselHost], "06381 424-0", "Digitale Hilfe Kusel", KuselSender, AppFixture.Start));
            await session.SaveChangesAsync();
        }
        await instance.Services.GetRequiredService<TownDirectory>().RefreshAsync();

        return new TwoTowns
        {
            Instance = instance, Clock = clock, Mail = mail,
            Kaiserslautern = await TownAsync(instance, FirstTownOptions.DefaultId, KaiserslauternAddress, "Kaiserslauterer Karla", "0631 777001", 0),
            // Kusel has six requests, Kaiserslautern one: enough for a figure above and one below the small-cell limit.
            Kusel = await TownAsync(instance, "kus", KuselAddress, "Kuseler Konrad", "06381 777002", 5),
        };
    }

    private static async Task<Town> TownAsync(WebApplicationFactory<Program> instance, string id, Uri address, string callerName, string phone, int more)
    {
        using var inTown = TownContext.Enter(id);
        var accounts = new Dictionary<Role, Account>();
        foreach (var role in new[] { Role.Operator, Role.Volunteer, Role.Coordinator, Role.Admin, Role.NetworkAdmin })
            accounts[role] = (await OwnDatabase.SendAsync(instance, new CreateAccount.Command(
                $"{role}-{id}@example.org".ToLowerInvariant(), $"{role} aus {id}", [role], AppFixture.Password))).Account!;
        // The volunteer of the town helps with exactly what the town's request asks for, so invitations go out.
        var volunteer = accounts[Role.Volunteer];
        await using (var session = instance.Services.GetRequiredService<IDocumentStore>().LightweightSession(id))
        {
            session.Events.Append(volunteer.Id, new VolunteerProfileUpdated(volunteer.Id, ["online-banking"], ["innenstadt-ost"], ["de"], ["hausbesuch", "telefon"], 2, [], null, "Test", AppFixture.Start));
            session.Store(volunteer with { Certificate = AppFixture.ValidCertificate });
            await session.SaveChangesAsync();
        }
        var request = await OwnDatabase.SendAsync(instance, AppFixture.ValidCall(callerName) with { Phone = phone });
        for (var i = 0; i < more; i++)
            await OwnDatabase.SendAsync(instance, AppFixture.ValidCall($"Weitere Anruferin {i}") with { Phone = $"06381 5550{i:00}", Topic = "smartphone", District = "erfenbach", HelpMode = "video" });
        var task = await OwnDatabase.SendAsync(instance, new Callbacks.Plan { RequestId = request.Id, DueLocal = new DateTime(2026, 11, 27, 10, 0, 0), Reason = "Rückruf" });

        var browsers = new Dictionary<Role, HttpClient>();
        var api = new Dictionary<Role, HttpClient>();
        foreach (var (role, account) in accounts)
        {
            var browser = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = address });
            var signIn = await FormPost.SubmitAsync(browser, "/Account/SignIn", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = AppFixture.Password });
            signIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, $"sign-in of {account.Email} at {address}");
            browsers[role] = browser;
            var key = await OwnDatabase.SendAsync(instance, new CreateApiKey.Command(account.Email, "Test"));
            var client = instance.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = address });
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            api[role] = client;
        }
        return new Town(id, address, request, 1 + more, callerName, phone, task!.Value, volunteer, accounts, browsers, api);
    }
}
