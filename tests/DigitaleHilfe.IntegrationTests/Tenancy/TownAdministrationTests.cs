using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// The network admin sees the towns and their anonymous totals; a town's admin keeps the town's own details.
public sealed class TownAdministrationTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_network_totals_are_the_sum_over_the_towns_with_small_counts_shown_as_below_five()
    {
        var towns = await TwoTowns.OfAsync(App);
        // Counted once the statistics projection has every request: a count made while it was still behind is shown
        // as it is for ten seconds (FiguresCache), and this instance's clock stands still.
        await towns.Instance.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
        towns.Clock.Advance(TimeSpan.FromSeconds(11));   // figures counted before the requests came are recounted
        NetworkFigures.Result figures = null!;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using (var scope = towns.Instance.Services.CreateAsyncScope())
                figures = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new NetworkFigures.Query(2026));
            // Counts made before the requests came are shown until their recount is done (FiguresCache).
            if (figures.Towns.Select(t => t.Requests).SequenceEqual([towns.Kaiserslautern.Requests, towns.Kusel.Requests])
                && figures.Network.Requests == towns.Kaiserslautern.Requests + towns.Kusel.Requests) break;
            await Task.Delay(100);
        }

        figures.Towns.Select(t => (t.TownId, t.Requests)).ShouldBe([("kl", 1), ("kus", 6)]);
        figures.Network.Requests.ShouldBe(figures.Towns.Sum(t => t.Requests));
        figures.Network.Resolved.ShouldBe(figures.Towns.Sum(t => t.Resolved));
        figures.Network.SeniorsHelped.ShouldBe(figures.Towns.Sum(t => t.SeniorsHelped));
        figures.Network.VolunteerHours.ShouldBe(figures.Towns.Sum(t => t.VolunteerHours));

        var page = await Text(towns.Kaiserslautern.Browsers[Role.NetworkAdmin], "/Netz?year=2026");
        page.ShouldContain("Digitale Hilfe Kusel");
        page.ShouldContain("<td class=\"num\" data-label=\"Anfragen\">&lt;5</td>");   // Kaiserslautern's one request
        page.ShouldContain("<td class=\"num\" data-label=\"Anfragen\">6</td>");
        page.ShouldContain("<td class=\"num\" data-label=\"Anfragen\">7</td>");
        page.ShouldNotContain(towns.Kusel.CallerName);
        (await towns.Kaiserslautern.Browsers[Role.NetworkAdmin].GetAsync("/Netz?year=1999")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Text(towns.Kaiserslautern.Browsers[Role.NetworkAdmin], "/Netz?year=1999")).ShouldContain("Bitte geben Sie ein Jahr zwischen 2020 und 2100 an.");
        foreach (var year in new[] { "99999999999", "zwanzig", "-5", "2026.5" })
        {
            var answer = await Text(towns.Kaiserslautern.Browsers[Role.NetworkAdmin], $"/Netz?year={year}");
            answer.ShouldContain("Bitte geben Sie ein Jahr zwischen 2020 und 2100 an.", customMessage: year);
        }
        foreach (var role in new[] { Role.Operator, Role.Volunteer, Role.Coordinator, Role.Admin })
            (await towns.Kaiserslautern.Browsers[role].GetAsync("/Netz")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task With_several_towns_the_job_dashboard_is_the_network_admins_not_a_towns_admins()
    {
        var towns = await TwoTowns.OfAsync(App);

        (await towns.Kaiserslautern.Browsers[Role.Admin].GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await towns.Kusel.Browsers[Role.Admin].GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await towns.Kaiserslautern.Browsers[Role.NetworkAdmin].GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Text(towns.Kusel.Browsers[Role.Admin], "/Admin/Accounts")).ShouldNotContain("href=\"/jobs\"");
    }

    [Fact]
    public async Task A_towns_admin_can_neither_give_nor_take_the_network_role()
    {
        var towns = await TwoTowns.OfAsync(App);
        var home = towns.Kaiserslautern;
        var networkAdmin = home.Accounts[Role.NetworkAdmin];
        var operatorAccount = home.Accounts[Role.Operator];

        await FormPost.SubmitAsync(home.Browsers[Role.Admin], "/Admin/Accounts", new Dictionary<string, string> { ["roles"] = "NetworkAdmin" },
            $"/Admin/Accounts/{operatorAccount.Id}/Roles");
        // Roles the form offers are given as asked; the network role stays, though the form does not send it.
        await FormPost.SubmitAsync(home.Browsers[Role.Admin], "/Admin/Accounts", new Dictionary<string, string> { ["roles"] = "Operator" },
            $"/Admin/Accounts/{networkAdmin.Id}/Roles");

        await using var session = towns.Instance.Services.GetRequiredService<IDocumentStore>().QuerySession(home.Id);
        (await session.LoadAsync<Account>(operatorAccount.Id))!.Roles.ShouldNotContain(Role.NetworkAdmin);
        (await session.LoadAsync<Account>(networkAdmin.Id))!.Roles.ShouldContain(Role.NetworkAdmin);
    }

    [Fact]
    public async Task A_towns_admin_sets_its_name_hotline_and_sender_and_only_that_town_shows_them()
    {
        var towns = await TwoTowns.OfAsync(App);
        var admin = towns.Kusel.Browsers[Role.Admin];

        var bad = await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort", new Dictionary<string, string>
        {
            ["Name"] = new string('K', 101), ["HotlinePhone"] = "ruf mich an", ["SenderName"] = "Kusel", ["SenderAddress"] = "keine-adresse",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("Der Name hat höchstens 100 Zeichen.");
        errors.ShouldContain("Die Hotline-Nummer besteht aus Ziffern");
        errors.ShouldContain("Bitte geben Sie eine gültige E-Mail-Adresse an.");

        var saved = await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort", new Dictionary<string, string>
        {
            ["Name"] = "Digitale Hilfe Kusel", ["HotlinePhone"] = "06381 424-999", ["SenderName"] = "Digitale Hilfe Kusel", ["SenderAddress"] = TwoTowns.KuselSender,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await Text(towns.Kusel.Browsers[Role.Operator], "/Account")).ShouldContain("06381 424-999");
        (await Text(towns.Kaiserslautern.Browsers[Role.Operator], "/Account")).ShouldNotContain("06381 424-999");
    }

    [Fact]
    public async Task A_towns_own_reminder_delay_plans_its_reminders_and_leaves_the_other_town_with_the_installations()
    {
        var towns = await TwoTowns.OfAsync(App);
        var saved = await FormPost.SubmitWholeFormAsync(towns.Kusel.Browsers[Role.Admin], "/Admin/Ort", new Dictionary<string, string>
        {
            ["Name"] = "Digitale Hilfe Kusel", ["HotlinePhone"] = "06381 424-0", ["SenderName"] = "Digitale Hilfe Kusel",
            ["SenderAddress"] = TwoTowns.KuselSender, ["UnclaimedEscalationAfterHours"] = "2",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A note is an event of the request: the planner looks at it again and plans what it is owed now.
        foreach (var town in new[] { towns.Kusel, towns.Kaiserslautern })
            (await FormPost.SubmitAsync(town.Browsers[Role.Operator], $"/HelpRequests/{town.Request.Id}", new Dictionary<string, string> { ["Text"] = "Rückruf vereinbart" },
                $"/HelpRequests/{town.Request.Id}/Note")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var store = towns.Instance.Services.GetRequiredService<IDocumentStore>();
        async Task<DateTimeOffset?> EscalationAsync(TwoTowns.Town town)
        {
            await using var session = store.QuerySession(town.Id);
            return (await session.LoadAsync<PlannedReminder>(PlannedReminder.IdFor(town.Request.Id, ReminderKind.UnclaimedEscalation)))?.DueAt;
        }
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await EscalationAsync(towns.Kusel) != AppFixture.Start.AddHours(2) && DateTime.UtcNow < until) await Task.Delay(100);

        (await EscalationAsync(towns.Kusel)).ShouldBe(AppFixture.Start.AddHours(2));
        (await EscalationAsync(towns.Kaiserslautern)).ShouldBe(AppFixture.Start.AddHours(24));

        var bad = await FormPost.SubmitWholeFormAsync(towns.Kusel.Browsers[Role.Admin], "/Admin/Ort", new Dictionary<string, string>
        {
            ["Name"] = "Digitale Hilfe Kusel", ["UnclaimedEscalationAfterHours"] = "0", ["FollowUpAfterHours"] = "100000",
        });
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("Bitte geben Sie zwischen 1 und 2160 Stunden (90 Tage) an");
    }

    [Fact]
    public async Task A_towns_own_topics_districts_and_consent_are_what_its_hotline_offers_and_records_and_the_other_town_keeps_the_installations()
    {
        var towns = await TwoTowns.OfAsync(App);
        var admin = towns.Kusel.Browsers[Role.Admin];
        try
        {
            (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string>
            {
                ["Topics"] = "smartphone = Smartphone\nHandy-Fotos", ["Districts"] = "kusel-mitte = Kusel-Mitte\nbledesbach = Bledesbach",
                ["Neighbours"] = "kusel-mitte: bledesbach", ["TopicWeight"] = "60",
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort", new Dictionary<string, string>
            {
                ["Name"] = "Digitale Hilfe Kusel", ["LogoText"] = "Hilfe Kusel", ["Palette"] = "gruen",
                ["ConsentText"] = "Dürfen wir Ihren Namen, Ihre Nummer und Ihr Anliegen speichern? Wir löschen alles nach {Monate} Monaten.",
                ["RetentionMonths"] = "6",
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var kusel = await Text(towns.Kusel.Browsers[Role.Operator], "/Intake");
            kusel.ShouldContain("<option value=\"handy-fotos\">Handy-Fotos</option>");
            kusel.ShouldContain("Kusel-Mitte");
            kusel.ShouldNotContain("Morlautern");
            kusel.ShouldContain("Wir löschen alles nach 6 Monaten.");
            kusel.ShouldContain("<body class=\"palette-gruen\">");
            kusel.ShouldContain(">Hilfe Kusel</a>");
            var home = await Text(towns.Kaiserslautern.Browsers[Role.Operator], "/Intake");
            home.ShouldNotContain("Handy-Fotos");
            home.ShouldContain("Morlautern");
            home.ShouldContain("<body class=\"palette-blau\">");

            // Recording the town's wording is shown in IntakeFormTests: a request here would change the counts the other tests of the two towns expect.
            var refused = await FormPost.SubmitAsync(towns.Kaiserslautern.Browsers[Role.Operator], "/Intake", Intake("handy-fotos", "bledesbach"));
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Bitte wählen Sie ein Thema aus der Liste.");
        }
        finally
        {
            // The other tests of the two towns expect the installation's lists and wording.
            (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort", new Dictionary<string, string> { ["Name"] = "Digitale Hilfe Kusel" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task Settings_saved_from_an_older_page_are_refused_and_the_newer_ones_kept()
    {
        var towns = await TwoTowns.OfAsync(App);
        var admin = towns.Kusel.Browsers[Role.Admin];
        var page = await Text(admin, "/Admin/Ort/Auswahl");
        var revision = System.Text.RegularExpressions.Regex.Match(page, "name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;

        (await FormPost.SubmitAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string> { ["Revision"] = revision, ["FairnessWeight"] = "7" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await FormPost.SubmitAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string> { ["Revision"] = revision, ["FairnessWeight"] = "1" });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await stale.Content.ReadAsStringAsync();
        html.ShouldContain(TownEdits.ChangedMeanwhile);
        html.ShouldContain("name=\"FairnessWeight\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"100\" value=\"7\"");
        towns.Instance.Services.GetRequiredService<TownDirectory>().Find(towns.Kusel.Id)!.Weights!.Fairness.ShouldBe(7);

        var bad = await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string>
        {
            ["Topics"] = "A = Groß\nx =", ["Neighbours"] = "innenstadt-ost: mond", ["TopicWeight"] = "101",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("Zeile 1: Die Kennung „A“ besteht aus Kleinbuchstaben");
        errors.ShouldContain("Zeile 2: Nach dem „=“ fehlt die Bezeichnung.");
        errors.ShouldContain("Zeile 1: „mond“ ist keine Kennung aus der Liste der Stadtteile.");
        errors.ShouldContain("Bitte geben Sie ein Gewicht zwischen 0 und 100 an");
        (await FormPost.SubmitWholeFormAsync(admin, "/Admin/Ort/Auswahl", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static Dictionary<string, string> Intake(string topic, string district) => new()
    {
        ["Phone"] = "06381 777 123", ["CallerName"] = "Irmgard Kuseler", ["Topic"] = topic, ["Description"] = "Fotos vom Handy auf den Computer.",
        ["District"] = district, ["HelpMode"] = "telefon", ["Consent"] = "true",
    };

    private static async Task<string> Text(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }
}
