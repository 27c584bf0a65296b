using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Towns;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// The network admin adds a town on "Netzwerk" and invites its first admin; the invitation comes in the new town's
// name with a link to its address, and the account lives in the new town only. (On the suite's own instance: the
// next test's reset takes the town away again.)
public sealed class AddTownTests(AppFixture app) : IntegrationTest(app)
{
    private static Dictionary<string, string> Valid() => new()
    {
        ["Name"] = "Digitale Hilfe Winnweiler", ["Id"] = "wnw", ["Hosts"] = "winnweiler.digitalehilfe.test\nWWW.winnweiler.digitalehilfe.test",
        ["HotlinePhone"] = "06302 123", ["SenderName"] = "Digitale Hilfe Winnweiler", ["SenderAddress"] = "hilfe@winnweiler.example",
        ["AdminName"] = "Wilma Verwaltung", ["AdminEmail"] = "wilma@winnweiler.example",
    };

    [Fact]
    public async Task The_network_admin_adds_a_town_and_its_first_admin_is_invited_in_the_towns_name_to_its_address()
    {
        var network = await App.SignedInClientAsync(Role.NetworkAdmin);

        var added = await FormPost.SubmitAsync(network, "/Netz/Orte/Neu", Valid());

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await network.GetStringAsync(added.Headers.Location!.OriginalString)).ShouldContain("Der Ort „Digitale Hilfe Winnweiler“ ist angelegt.");
        var town = App.Services.GetRequiredService<TownDirectory>().Find("wnw")!;
        town.Hosts.ShouldBe(["winnweiler.digitalehilfe.test", "www.winnweiler.digitalehilfe.test"]);
        var mail = await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("wilma@winnweiler.example"));
        mail.From.ToString().ShouldContain("hilfe@winnweiler.example");
        (mail.TextBody ?? "").ShouldContain("http://winnweiler.digitalehilfe.test/");
        await using (var inNewTown = App.Services.GetRequiredService<IDocumentStore>().QuerySession("wnw"))
            (await inNewTown.Query<Account>().SingleAsync(a => a.Email == "wilma@winnweiler.example")).Roles.ShouldBe([Role.Admin]);
        await using (var home = App.QuerySession())
            (await home.Query<Account>().AnyAsync(a => a.Email == "wilma@winnweiler.example")).ShouldBeFalse();

        var there = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://winnweiler.digitalehilfe.test") });
        (await there.GetStringAsync("/Account/SignIn")).ShouldContain("Digitale Hilfe Winnweiler");
    }

    [Fact]
    public async Task A_taken_id_or_host_a_bad_host_and_missing_fields_are_field_errors_and_nothing_is_added()
    {
        var network = await App.SignedInClientAsync(Role.NetworkAdmin);
        (await FormPost.SubmitAsync(network, "/Netz/Orte/Neu", Valid())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains("wilma@winnweiler.example"));   // done before the reset removes the town

        async Task<string> RefusedAsync(Dictionary<string, string> fields)
        {
            var answer = await FormPost.SubmitAsync(network, "/Netz/Orte/Neu", fields);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await answer.Content.ReadAsStringAsync();
        }
        (await RefusedAsync(Valid())).ShouldContain("Einen Ort mit der Kennung „wnw“ gibt es schon.");
        (await RefusedAsync(new(Valid()) { ["Id"] = "wnw2" })).ShouldContain("Ein Hostname gehört schon zu „Digitale Hilfe Winnweiler“.");
        (await RefusedAsync(new(Valid()) { ["Id"] = "rck", ["Hosts"] = "gut.example schlecht_host!" })).ShouldContain("„schlecht_host!“ ist kein Hostname.");
        (await RefusedAsync(new(Valid()) { ["Id"] = "Großstadt", ["Hosts"] = "gross.digitalehilfe.test" })).ShouldContain("Die Kennung besteht aus 2 bis 30 Kleinbuchstaben");
        (await RefusedAsync(new(Valid()) { ["Id"] = "api", ["Hosts"] = "api.digitalehilfe.test" })).ShouldContain("ist für die Anwendung reserviert");
        var missing = await RefusedAsync(new Dictionary<string, string>());
        missing.ShouldContain("Bitte geben Sie eine Kennung an");
        missing.ShouldContain("Bitte nennen Sie mindestens eine Adresse");
        missing.ShouldContain("Bitte geben Sie die E-Mail-Adresse der Person an");

        App.Services.GetRequiredService<TownDirectory>().All.Select(t => t.Id).ShouldBe([Towns.First, "wnw"]);
    }

    [Fact]
    public async Task Only_the_network_admin_may_add_a_town()
    {
        foreach (var role in new[] { Role.Admin, Role.Coordinator, Role.Operator })
        {
            var client = await App.SignedInClientAsync(role);
            (await client.GetAsync("/Netz/Orte/Neu")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Of_towns_added_at_the_same_moment_with_one_host_only_one_is_stored()
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var database = App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        var towns = App.Services.GetRequiredService<TownDirectory>();

        var refusals = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => TownRules.AddAsync(store, database, towns,
            new Town($"gleich{i}", $"Gleichzeitig {i}", ["gleichzeitig.digitalehilfe.test"], null, null, null, App.Clock.GetUtcNow())))));

        refusals.Count(r => r is null).ShouldBe(1);
        refusals.OfType<TownRules.Refusal>().ShouldAllBe(r => r.Field == "Hosts");
        await towns.RefreshAsync(CancellationToken.None);
        towns.All.Count(t => t.Hosts.Contains("gleichzeitig.digitalehilfe.test")).ShouldBe(1);
    }
}
