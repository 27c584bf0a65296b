using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Security;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// Nobody of one town sees anything of another: every route of the access matrix, tried by each role of
// Kaiserslautern with Kusel's ids, answers as for an id that does not exist; lists, search, board, exports and mails
// of one town hold nothing of the other. Each check also looks at the other town's own view, so it can fail.
public sealed class IsolationTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly Role[] Roles = [Role.Operator, Role.Volunteer, Role.Coordinator, Role.Admin];

    public static TheoryData<string> RoutesWithIds()
    {
        var data = new TheoryData<string>();
        foreach (var route in AccessMatrixTests.Routes.Where(r => r.Path.Contains('{'))) data.Add(route.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesWithIds))]
    public async Task Each_role_of_one_town_gets_a_404_for_the_other_towns_ids_as_for_ids_that_do_not_exist(string name)
    {
        var towns = await TwoTowns.OfAsync(App);
        var route = AccessMatrixTests.Routes.Single(r => r.ToString() == name);
        var (home, other) = (towns.Kaiserslautern, towns.Kusel);

        foreach (var role in Roles)
        {
            var client = route.Api ? home.Api[role] : home.Browsers[role];
            var foreign = await SendAsync(client, route, Fill(route.Path, other));
            var unknown = await SendAsync(client, route, Fill(route.Path, null));

            // The other town's ids are answered exactly as ids that exist nowhere: nothing tells that they exist.
            foreign.ShouldBe(unknown, $"{role} of {home.Id}: {name} with the ids of {other.Id}");
            // Looking something up by id is a 404 for whoever may look things up at all (the invitation token and
            // the account routes answer differently for any unknown id, and changes answer with their form's message).
            if (route.Method == "GET" && route.Allowed.Contains(role.ToString()) && !route.Path.StartsWith("/Invitations"))
            {
                foreign.ShouldBe(HttpStatusCode.NotFound, $"{role} of {home.Id}: {name} with the ids of {other.Id}");
                (await SendAsync(client, route, Fill(route.Path, home))).ShouldNotBe(HttpStatusCode.NotFound, $"{role} of {home.Id}: {name} with its own ids");
            }
        }
    }

    [Fact]
    public async Task Changes_sent_with_the_other_towns_ids_change_nothing_there()
    {
        var towns = await TwoTowns.OfAsync(App);
        var (home, other) = (towns.Kaiserslautern, towns.Kusel);
        var before = await StateAsync(towns, other);

        foreach (var route in AccessMatrixTests.Routes.Where(r => r.Method == "POST" && r.Path.Contains('{')))
            foreach (var role in Roles)
                await SendAsync(route.Api ? home.Api[role] : home.Browsers[role], route, Fill(route.Path, other));

        (await StateAsync(towns, other)).ShouldBe(before);
    }

    // What a change could touch in a town: its request's history, its callback task, its caller and its volunteer.
    private static async Task<string> StateAsync(TwoTowns towns, TwoTowns.Town town)
    {
        await using var session = towns.Instance.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession(town.Id);
        var events = await session.Events.FetchStreamAsync(town.Request.Id);
        var task = await session.LoadAsync<Web.Features.Callbacks.CallbackTask>(town.Task);
        var caller = await session.LoadAsync<Web.Features.Callers.Caller>(town.Request.CallerId);
        var volunteer = await session.LoadAsync<Account>(town.Volunteer.Id);
        return System.Text.Json.JsonSerializer.Serialize(new { events = events.Count, task, caller, volunteer = new { volunteer!.Active, volunteer.Roles, volunteer.Name, volunteer.ApprovedAt } });
    }

    [Fact]
    public async Task Lists_search_and_board_of_one_town_show_nothing_of_the_other_by_name_number_or_phone()
    {
        var towns = await TwoTowns.OfAsync(App);
        foreach (var (home, other) in new[] { (towns.Kaiserslautern, towns.Kusel), (towns.Kusel, towns.Kaiserslautern) })
        {
            // Each page, and what of the other town it must not show (a search repeats what was searched for).
            (string Page, string[] Absent)[] pages =
            [
                ("/HelpRequests", [other.CallerName, other.Request.Number]),
                ("/Callbacks", [other.CallerName, other.Request.Number]),
                ($"/Search?q={Uri.EscapeDataString(other.CallerName)}", [other.Request.Number, other.Phone]),
                ($"/Search?q={other.Request.Number}", [other.CallerName, other.Phone]),
                ($"/Search?q={Uri.EscapeDataString(other.Phone)}", [other.CallerName, other.Request.Number]),
                ($"/Intake/Caller?phone={Uri.EscapeDataString(other.Phone)}", [other.CallerName, other.Request.Number]),
            ];
            foreach (var (page, absent) in pages)
            {
                var html = await Text(home.Browsers[Role.Coordinator], page);
                foreach (var marker in absent) html.ShouldNotContain(marker, Case.Insensitive, $"{home.Id} {page}");
            }
            (await Text(home.Browsers[Role.Coordinator], "/HelpRequests")).ShouldContain(home.Request.Number);
            (await Text(home.Browsers[Role.Coordinator], $"/Search?q={Uri.EscapeDataString(home.CallerName)}")).ShouldContain(home.Request.Number);

            var board = await Text(home.Browsers[Role.Volunteer], "/Board");
            board = board[board.IndexOf("<main", StringComparison.Ordinal)..];
            board.ShouldNotContain($"/Board/{other.Request.Id}");
            board.ShouldContain($"/Board/{home.Request.Id}");

            var list = await Text(home.Api[Role.Operator], "/api/v1/help-requests");
            list.ShouldNotContain(other.Request.Id.ToString());
            list.ShouldContain(home.Request.Id.ToString());
            (await Text(home.Api[Role.Operator], $"/api/v1/callers?phone={Uri.EscapeDataString(other.Phone)}")).ShouldNotContain(other.CallerName);
            (await Text(home.Api[Role.Operator], $"/api/v1/callers?phone={Uri.EscapeDataString(home.Phone)}")).ShouldContain(home.CallerName);

            var volunteers = await Text(home.Browsers[Role.Coordinator], "/Coordination/Volunteers");
            volunteers.ShouldNotContain(other.Volunteer.Name);
            volunteers.ShouldContain(home.Volunteer.Name);
            var accounts = await Text(home.Browsers[Role.Admin], "/Admin/Accounts");
            accounts.ShouldNotContain(other.Volunteer.Email);
            accounts.ShouldContain(home.Volunteer.Email);
        }
    }

    [Fact]
    public async Task Exports_and_statistics_of_one_town_count_only_its_own_requests()
    {
        var towns = await TwoTowns.OfAsync(App);
        // Figures counted before the requests came are shown while young (FiguresCache); ten seconds on, a recount starts.
        towns.Clock.Advance(TimeSpan.FromSeconds(11));
        foreach (var (home, other) in new[] { (towns.Kaiserslautern, towns.Kusel), (towns.Kusel, towns.Kaiserslautern) })
        {
            var csv = await Text(home.Browsers[Role.Coordinator], "/Statistik/Anfragen.csv?from=2026-01-01&to=2026-12-31");
            csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + home.Requests, $"header and the requests of {home.Id}");
            csv.ShouldNotContain(other.Request.Number);
            System.Text.Json.JsonElement figures = default;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                figures = await home.Api[Role.Coordinator].GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/statistics?from=2026-01-01&to=2026-12-31");
                if (figures.GetProperty("requestsLogged").GetInt32() == home.Requests) break;
                await Task.Delay(100);
            }
            figures.GetProperty("requestsLogged").GetInt32().ShouldBe(home.Requests, $"{home.Id}: {figures}");
        }
    }

    [Fact]
    public async Task A_key_of_one_town_is_unknown_in_the_other()
    {
        var towns = await TwoTowns.OfAsync(App);
        var key = towns.Kaiserslautern.Api[Role.Operator].DefaultRequestHeaders.Authorization;
        var atKusel = towns.Instance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = TwoTowns.KuselAddress });
        atKusel.DefaultRequestHeaders.Authorization = key;

        (await atKusel.GetAsync("/api/v1/help-requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await towns.Kusel.Api[Role.Operator].GetAsync("/api/v1/help-requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invitations_go_out_in_each_towns_name_and_only_to_its_own_volunteers()
    {
        var towns = await TwoTowns.OfAsync(App);
        foreach (var town in new[] { towns.Kaiserslautern, towns.Kusel })
        {
            var (sender, host) = town == towns.Kusel ? (TwoTowns.KuselSender, TwoTowns.KuselHost) : ("digitale-hilfe@kaiserslautern.example", "digitalehilfe.test");
            await towns.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(town.Volunteer.Email) && m.Subject!.StartsWith("Neue Anfrage"), TimeSpan.FromSeconds(30));
            // Each town has one request: its volunteer is invited once, by the town, with links to the town's address.
            var invitations = towns.Mail.Messages.Where(m => m.To.ToString().Contains(town.Volunteer.Email) && m.Subject!.StartsWith("Neue Anfrage")).ToList();
            invitations.Count.ShouldBe(1);
            invitations[0].From.Mailboxes.Single().Address.ShouldBe(sender);
            invitations[0].TextBody!.ShouldContain($"http://{host}/");
        }
    }

    [Fact]
    public async Task The_weekly_digest_reaches_each_towns_coordinators_once_in_the_towns_name()
    {
        var towns = await TwoTowns.OfAsync(App);
        await using (var scope = towns.Instance.Services.CreateAsyncScope())
            scope.ServiceProvider.GetRequiredService<WeeklyDigestRound>().Run();

        foreach (var town in new[] { towns.Kaiserslautern, towns.Kusel })
        {
            var coordinator = town.Accounts[Role.Coordinator].Email;
            var digest = await towns.Mail.WaitForMessageAsync(m => m.Subject!.Contains("Wochenübersicht") && m.To.ToString().Contains(coordinator), TimeSpan.FromSeconds(30));
            digest.From.Mailboxes.Single().Address.ShouldBe(town == towns.Kusel ? TwoTowns.KuselSender : "digitale-hilfe@kaiserslautern.example");
        }
        var digests = towns.Mail.Messages.Where(m => m.Subject!.Contains("Wochenübersicht")).ToList();
        digests.Select(m => m.To.ToString()).ShouldBeUnique();
        digests.SelectMany(m => m.To.Mailboxes).Select(m => m.Address)
            .ShouldBeSubsetOf([towns.Kaiserslautern.Accounts[Role.Coordinator].Email, towns.Kusel.Accounts[Role.Coordinator].Email]);
    }

    private static string Fill(string path, TwoTowns.Town? town) => path
        .Replace("{id}", (town?.Request.Id ?? Guid.NewGuid()).ToString())
        .Replace("{caller}", (town?.Request.CallerId ?? Guid.NewGuid()).ToString())
        .Replace("{task}", (town?.Task ?? Guid.NewGuid()).ToString())
        .Replace("{account}", (town?.Volunteer.Id ?? Guid.NewGuid()).ToString());

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, AccessMatrixTests.Route route, string path)
    {
        var response = route switch
        {
            { Method: "GET" } => await client.GetAsync(path),
            { Api: true } => await client.PostAsJsonAsync(path, new { }),
            _ => await FormPost.SubmitAsync(client, "/Account/SignIn", new Dictionary<string, string>(), path),
        };
        return response.StatusCode;
    }

    private static async Task<string> Text(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }
}
