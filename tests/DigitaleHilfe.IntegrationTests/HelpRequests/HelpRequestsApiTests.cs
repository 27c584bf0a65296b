using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

public sealed class HelpRequestsApiTests(AppFixture app) : IntegrationTest(app)
{
    private const string Url = "/api/v1/help-requests";

    private static object ValidBody => new
    {
        callerName = "Erika Mustermann", phone = "0631 123456", topic = "online-banking",
        description = "Die Banking-App fragt nach einem Code.", district = "innenstadt-ost", helpMode = "hausbesuch",
        address = "Fackelstraße 12, 67655 Kaiserslautern", consent = true,
    };

    [Fact]
    public async Task Post_logs_the_call_and_answers_201_with_number_status_and_version()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, ValidBody);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        body.GetProperty("number").GetString()!.ShouldMatch(@"^2026-\d{4,}$");
        body.GetProperty("status").GetString().ShouldBe("Open");
        body.GetProperty("version").GetInt64().ShouldBe(2);
        response.Headers.Location!.ToString().ShouldEndWith($"{Url}/{id}", Case.Insensitive);
    }

    [Fact]
    public async Task Get_returns_the_request_with_status_version_and_timeline()
    {
        var client = await Api();
        var created = await (await client.PostAsJsonAsync(Url, ValidBody)).Content.ReadFromJsonAsync<JsonElement>();

        var body = await client.GetFromJsonAsync<JsonElement>($"{Url}/{created.GetProperty("id").GetGuid()}");

        body.GetProperty("status").GetString().ShouldBe("Open");
        body.GetProperty("version").GetInt64().ShouldBe(2);
        body.GetProperty("topic").GetString().ShouldBe("online-banking");
        body.GetProperty("timeline").GetArrayLength().ShouldBe(2);
        var entry = body.GetProperty("timeline")[0];
        entry.GetProperty("type").GetString().ShouldBe("HelpRequestOpened");
        entry.GetProperty("by").GetString().ShouldBe("Test Operator");
        entry.GetProperty("at").GetDateTimeOffset().ShouldBe(AppFixture.Start);
    }

    [Fact]
    public async Task Post_with_an_empty_object_lists_every_missing_field_as_problem_details()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, new { });

        var errors = await ProblemErrors(response);
        errors.Keys.ShouldBe(["callerName", "phone", "topic", "description", "district", "helpMode", "consent"], ignoreOrder: true);
        await NothingStored();
    }

    [Fact]
    public async Task Post_without_consent_names_consent_and_stores_nothing()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, Merge(("consent", false)));

        (await ProblemErrors(response)).Keys.ShouldBe(["consent"]);
        await NothingStored();
    }

    [Fact]
    public async Task Post_with_a_number_without_area_code_asks_for_it()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, Merge(("phone", "123456")));

        (await ProblemErrors(response))["phone"].Single().ShouldContain("Vorwahl");
        await NothingStored();
    }

    [Fact]
    public async Task Post_with_an_unknown_topic_names_the_topic_field()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, Merge(("topic", "kochen")));

        (await ProblemErrors(response)).Keys.ShouldBe(["topic"]);
        await NothingStored();
    }

    [Fact]
    public async Task Post_with_a_100_kB_description_is_refused()
    {
        var response = await (await Api()).PostAsJsonAsync(Url, Merge(("description", new string('x', 100_000))));

        (await ProblemErrors(response))["description"].ShouldContain(m => m.Contains("höchstens"));
        await NothingStored();
    }

    [Fact]
    public async Task Post_with_truncated_json_is_a_400_and_stores_nothing()
    {
        var response = await (await Api()).PostAsync(Url, new StringContent("{\"callerName\": ", Encoding.UTF8, "application/json"));

        (await ProblemErrors(response)).ShouldNotBeEmpty();
        await NothingStored();
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Post_with_malformed_json_is_a_400_about_the_body(string json)
    {
        var response = await (await Api()).PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));

        (await ProblemErrors(response)).Keys.ShouldBe(["body"]);
        await NothingStored();
    }

    [Fact]
    public async Task Post_with_a_field_of_the_wrong_type_names_that_field()
    {
        var response = await (await Api()).PostAsync(Url,
            new StringContent("{\"description\": 5}", Encoding.UTF8, "application/json"));

        (await ProblemErrors(response)).Keys.ShouldContain("description");
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_404_problem_details()
    {
        var response = await (await Api()).GetAsync($"{Url}/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Get_with_an_id_that_is_not_a_guid_is_404_not_500()
    {
        var response = await (await Api()).GetAsync($"{Url}/2026-0042");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task List_filters_by_status_and_pages()
    {
        var client = await Api();
        for (var i = 0; i < ListRequests.PageSize + 1; i++)
            (await client.PostAsJsonAsync(Url, ValidBody)).EnsureSuccessStatusCode();

        var open = await client.GetFromJsonAsync<JsonElement>($"{Url}?status=Open&page=2");
        var closed = await client.GetFromJsonAsync<JsonElement>($"{Url}?status=Closed");

        open.GetProperty("totalCount").GetInt64().ShouldBe(ListRequests.PageSize + 1);
        open.GetProperty("page").GetInt32().ShouldBe(2);
        open.GetProperty("items").GetArrayLength().ShouldBe(1);
        open.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("Open");
        closed.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("?status=Vergessen")]
    [InlineData("?page=0")]
    [InlineData("?page=abc")]
    [InlineData("?after=%00")]
    [InlineData("?after=1.99999999999999999999.0123456789abcdef0123456789abcdef")]
    [InlineData("?before=0.-1.0123456789abcdef0123456789abcdef")]
    [InlineData("?after=0.1.0123456789abcdef0123456789abcdef&before=0.1.0123456789abcdef0123456789abcdef")]
    [InlineData("?last=vielleicht")]
    public async Task List_with_bad_query_parameters_is_a_400(string query)
    {
        var response = await (await Api()).GetAsync(Url + query);

        (await ProblemErrors(response)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Catalog_lists_topics_districts_and_help_modes()
    {
        var body = await (await Api()).GetFromJsonAsync<JsonElement>("/api/v1/catalog");

        body.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("label").GetString())
            .ShouldContain("Online-Banking");
        body.GetProperty("districts").GetArrayLength().ShouldBeGreaterThan(10);
        body.GetProperty("helpModes").EnumerateArray().Select(t => t.GetProperty("id").GetString())
            .ShouldBe(["hausbesuch", "telefon", "video", "sprechstunde"]);
    }

    private Task<HttpClient> Api() => App.ApiClientAsync(Role.Operator);

    private static object Merge((string Key, object Value) change)
    {
        var fields = JsonSerializer.SerializeToElement(ValidBody).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object)p.Value);
        fields[change.Key] = change.Value;
        return fields;
    }

    private static async Task<Dictionary<string, string[]>> ProblemErrors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task NothingStored()
    {
        await using var session = App.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }
}
