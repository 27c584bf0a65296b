using System.Net;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DigitaleHilfe.IntegrationTests.Tenancy;

// Towns told apart by path (Towns:Resolution=Path): every page, followed link by link as each role of Kusel gets
// them, links, posts and redirects only to addresses under /kus/, and every link it follows exists.
public sealed partial class PathPrefixTests(AppFixture app) : IntegrationTest(app)
{
    private const string Prefix = "/kus";

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.Volunteer)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Admin)]
    public async Task Every_link_form_and_redirect_a_town_shows_keeps_its_path_prefix(Role role)
    {
        var towns = await TwoTowns.OfAsync(App);
        var instance = Instance(towns);
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://digitalehilfe.test") });
        var signIn = await FormPost.SubmitAsync(client, $"{Prefix}/Account/SignIn", new Dictionary<string, string>
        {
            ["Email"] = towns.Kusel.Accounts[role].Email, ["Password"] = AppFixture.Password,
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldStartWith(Prefix + "/");
        // The session cookie belongs to the town's path: a browser signed in at two towns keeps both sessions.
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("dh.session=") && c.Contains($"path={Prefix}"));
        (await client.GetAsync($"{Prefix}/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problems = new List<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<string>([Prefix + "/"]);
        while (queue.Count > 0 && seen.Count < 120)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.NotFound || (int)response.StatusCode >= 500) problems.Add($"{url}: {(int)response.StatusCode}");
            if (response.Headers.Location is { } location)
            {
                var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                if (!Local(target)) problems.Add($"{url} redirects to {target}");
                else queue.Enqueue(target);
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            // A browser posts every token a form holds; two (one written by hand, one by the form tag helper) fail as 400.
            foreach (Match form in Form().Matches(html))
                if (Regex.Count(form.Value, "__RequestVerificationToken") > 1) problems.Add($"{url}: a form with two antiforgery tokens: {form.Value[..Math.Min(80, form.Value.Length)]}");
            foreach (Match m in Address().Matches(html))
            {
                var target = WebUtility.HtmlDecode(m.Groups[2].Value);
                // "~/…" left in a page: a link Razor did not resolve (its value came from code, not the attribute's text).
                if (target.StartsWith('~')) { problems.Add($"{url}: {m.Groups[1].Value}=\"{target}\" (not resolved)"); continue; }
                if (!target.StartsWith('/') || target.StartsWith("//")) continue;
                if (!Local(target)) problems.Add($"{url}: {m.Groups[1].Value}=\"{target}\"");
                else if (m.Groups[1].Value == "href" && !target.Contains("SignOut") && !target.Contains("/css/") && !target.Contains("/js/") && !target.Contains("/lib/"))
                    queue.Enqueue(target.Split('#')[0]);
            }
        }

        seen.Count.ShouldBeGreaterThan(5, "the crawl reached the town's pages");
        problems.Distinct().ShouldBeEmpty(string.Join("\n", problems.Distinct().Take(30)));
    }

    private static bool Local(string path) => path == Prefix || path.StartsWith(Prefix + "/") || path.StartsWith(Prefix + "?");

    private WebApplicationFactory<Program> Instance(TwoTowns towns) =>
        _instance ??= OwnDatabase.Instance(App, "digitalehilfe_towns", towns.Clock, towns.Mail, runsReminders: false, ("Towns:Resolution", "Path"));

    private static WebApplicationFactory<Program>? _instance;

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("\\s(href|action|formaction|src|hx-get|hx-post)=\"([^\"]*)\"")]
    private static partial Regex Address();
}
