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
            var own = await SendAsync(client, route, Fill(route.Path, home));

            var allowed = route.Allowed.Contains(role.ToString());
            foreign.ShouldBe(unknown, $"{role} of {home.Id}: {name} with the ids of {other.Id}");
            if (allowed && !route.Path.Contains("{account}") && !route.Path.StartsWith("/Invitations"))
            {
                foreign.ShouldBe(HttpStatusCode.NotFound, $"{role} of {home.Id}: {name} with the ids of {other.Id}");
                own.ShouldNotBe(HttpStatusCode.NotFound, $"{role} of {home.Id}: {name} with its own ids");
            }
        }
    }

    [Fact]
    public async Task Lists_search_and_board_of_one_town_show_nothing_of_the_other_by_name_number_or_phone()
    {
        var towns = await TwoTowns.OfAsync(App);
        foreach (var (home, other) in new[] { (towns.Kaiserslautern, towns.Kusel), (towns.Kusel, towns.Kaiserslautern) })
        {
            string[] pages =
            [
                "/HelpRequests", "/Callbacks", $"/Search?q={Uri.EscapeDataString(other.CallerName)}", $"/Search?q={other.Request.Number}",
                $"/Search?q={Uri.EscapeDataString(other.Phone)}", $"/Intake/Caller?phone={Uri.EscapeDataString(other.Phone)}",
            ];
            foreach (var page in pages)
            {
                var html = await Text(home.Browsers[Role.Coordinator], page);
                html.ShouldNotContain(other.CallerName, Case.Insensitive, $"{home.Id} {page}");
                html.ShouldNotContain(other.Request.Number, Case.Sensitive, $"{home.Id} {page}");
            }
            (await Text(home.Browsers[Role.Coordinator], "/HelpRequests")).ShouldContain(home.Request.Number);
            (await Text(home.Browsers[Role.Coordinator], $"/Search?q={Uri.EscapeDataString(home.CallerName)}")).ShouldContain(home.Request.Number);

            var board = await Text(home.Browsers[Role.Volunteer], "/Board");
            board.ShouldNotContain(other.Request.Number);
            board.ShouldContain(home.Request.Number);

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
        foreach (var (home, other) in new[] { (towns.Kaiserslautern, towns.Kusel), (towns.Kusel, towns.Kaiserslautern) })
        {
            var csv = await Text(home.Browsers[Role.Coordinator], "/Statistik/Anfragen.csv?from=2026-01-01&to=2026-12-31");
            csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, $"header and the one request of {home.Id}");
            csv.ShouldNotContain(other.Request.Number);
            var figures = await (await home.Api[Role.Coordinator].GetAsync("/api/v1/statistics?from=2026-01-01&to=2026-12-31"))
                .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            figures.GetProperty("requests").GetInt32().ShouldBe(1, $"{home.Id}: {figures}");
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
            var other = town == towns.Kusel ? towns.Kaiserslautern : towns.Kusel;
            var invitation = await towns.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(town.Volunteer.Email) && m.TextBody.Contains(town.Request.Number), TimeSpan.FromSeconds(30));
            invitation.From.Mailboxes.Single().Address.ShouldBe(town == towns.Kusel ? TwoTowns.KuselSender : "digitale-hilfe@kaiserslautern.example");
            towns.Mail.Messages.Where(m => m.To.ToString().Contains(town.Volunteer.Email)).ShouldNotContain(m => (m.TextBody ?? "").Contains(other.Request.Number));
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
