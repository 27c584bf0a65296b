using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

// The request list pages by the last and first request shown (keyset), counts only up to 1,000 and reaches
// the last page directly; page numbers from old links still work.
public sealed class ListPagingTests(AppFixture app) : IntegrationTest(app)
{
    private int _seeded;

    // Requests written straight as events: quicker than the intake for a few hundred, and with chosen times,
    // urgency and status ages, so that every sort has ties and both directions to get right.
    private async Task<List<Guid>> SeedAsync(int count, DateTimeOffset? from = null)
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var ids = new List<Guid>();
        var start = from ?? AppFixture.Start.AddDays(-30);
        await using var session = store.LightweightSession(Towns.First);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            // Pairs share their time, so the id decides their order.
            var at = start.AddMinutes(i / 2 * 10);
            session.Events.StartStream<HelpRequest>(id, new HelpRequestOpened(id, $"2026-{8_000_000 + _seeded++}",
                Guid.NewGuid(), "tablet", "…", "erfenbach", "telefon", null, i % 7 == 0, "Hanna", at));
            ids.Add(id);
        }
        await session.SaveChangesAsync();
        return ids;
    }

    private async Task<List<Guid>> WalkAsync(RequestFilter filter, Func<Task>? betweenPages = null)
    {
        var seen = new List<Guid>();
        var page = await App.SendAsync(new ListRequests.Query(filter));
        seen.AddRange(page.Items.Select(r => r.Id));
        for (var guard = 0; page.NextToken is { } next && guard < 100; guard++)
        {
            if (betweenPages is not null) await betweenPages();
            page = await App.SendAsync(new ListRequests.Query(filter) { At = new PageAt(After: next) });
            seen.AddRange(page.Items.Select(r => r.Id));
        }
        return seen;
    }

    [Theory]
    [InlineData(RequestSort.Newest)]
    [InlineData(RequestSort.Oldest)]
    [InlineData(RequestSort.Waiting)]
    [InlineData(RequestSort.Urgent)]
    public async Task Following_next_from_the_first_page_visits_every_request_once_in_the_order_of_the_sort(RequestSort sort)
    {
        await SeedAsync(ListRequests.PageSize * 3 + 4);
        await using var session = App.QuerySession();
        var all = await session.Query<HelpRequest>().ToListAsync();
        var expected = (sort switch
        {
            RequestSort.Oldest => all.OrderBy(r => r.LoggedAt).ThenBy(r => r.Id),
            RequestSort.Waiting => all.OrderBy(r => r.StatusSince).ThenBy(r => r.Id),
            RequestSort.Urgent => all.OrderByDescending(r => r.Urgent).ThenBy(r => r.LoggedAt).ThenBy(r => r.Id),
            _ => all.OrderByDescending(r => r.LoggedAt).ThenByDescending(r => r.Id),
        }).Select(r => r.Id).ToList();

        var seen = await WalkAsync(new RequestFilter { Sort = sort });

        // PostgreSQL orders uuids by their bytes, .NET by its own field order: compare as sets, then times.
        seen.Count.ShouldBe(expected.Count);
        seen.ShouldBe(expected, ignoreOrder: true);
        var byId = all.ToDictionary(r => r.Id);
        var keys = seen.Select(id => byId[id]).Select(r => (r.Urgent, sort == RequestSort.Waiting ? r.StatusSince : r.LoggedAt)).ToList();
        keys.ShouldBe(expected.Select(id => byId[id]).Select(r => (r.Urgent, sort == RequestSort.Waiting ? r.StatusSince : r.LoggedAt)).ToList());
    }

    [Fact]
    public async Task Requests_arriving_while_someone_pages_neither_repeat_nor_push_others_out_of_sight()
    {
        var existing = await SeedAsync(ListRequests.PageSize * 2 + 5);

        var seen = await WalkAsync(new RequestFilter(), () => SeedAsync(3, from: AppFixture.Start));

        seen.Count.ShouldBe(seen.Distinct().Count());
        existing.ShouldBeSubsetOf(seen);
    }

    [Fact]
    public async Task The_last_page_holds_the_oldest_requests_and_previous_pages_lead_back_to_the_first()
    {
        var ids = await SeedAsync(ListRequests.PageSize * 2 + 3);

        var last = await App.SendAsync(new ListRequests.Query(new RequestFilter()) { At = new PageAt(Last: true) });
        last.Items.Count.ShouldBe(ListRequests.PageSize);
        new[] { ids[0], ids[1] }.ShouldContain(last.Items[^1].Id);
        last.HasNext.ShouldBeFalse();
        last.HasPrevious.ShouldBeTrue();

        var middle = await App.SendAsync(new ListRequests.Query(new RequestFilter()) { At = new PageAt(Before: last.PreviousToken) });
        var first = await App.SendAsync(new ListRequests.Query(new RequestFilter()) { At = new PageAt(Before: middle.PreviousToken) });
        first.Items.Count.ShouldBe(3);
        first.HasPrevious.ShouldBeFalse();
        first.Items.Concat(middle.Items).Concat(last.Items).Select(r => r.Id).Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Beyond_a_thousand_requests_the_count_stops_and_says_more_than_a_thousand()
    {
        await SeedAsync(ListRequests.CountCap + 2);

        var page = await App.SendAsync(new ListRequests.Query(new RequestFilter()));
        page.TotalCount.ShouldBe(ListRequests.CountCap);
        page.CountIsExact.ShouldBeFalse();
        page.TotalPages.ShouldBeNull();

        var client = await App.SignedInClientAsync(Role.Operator);
        var html = await client.GetStringAsync("/HelpRequests");
        html.ShouldContain("Über 1.000 Anfragen");
        html.ShouldContain("Letzte Seite");
        var beyond = await client.GetAsync("/HelpRequests?page=100000");
        beyond.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await beyond.Content.ReadAsStringAsync()).ShouldNotContain("Nächste Seite");
    }

    [Fact]
    public async Task The_api_pages_by_its_next_links_and_refuses_a_broken_token()
    {
        await SeedAsync(ListRequests.PageSize + 4);
        var api = await App.ApiClientAsync(Role.Operator);

        var first = await api.GetFromJsonAsync<JsonElement>("/api/v1/help-requests");
        var next = first.GetProperty("next").GetString()!;
        var second = await api.GetFromJsonAsync<JsonElement>(next);
        var last = await api.GetFromJsonAsync<JsonElement>(first.GetProperty("last").GetString()!);

        first.GetProperty("items").GetArrayLength().ShouldBe(ListRequests.PageSize);
        second.GetProperty("items").GetArrayLength().ShouldBe(4);
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        second.GetProperty("previous").GetString().ShouldStartWith("/api/v1/help-requests?before=");
        last.GetProperty("items").GetArrayLength().ShouldBe(ListRequests.PageSize);
        first.GetProperty("totalCount").GetInt64().ShouldBe(ListRequests.PageSize + 4);
        first.GetProperty("totalCountIsExact").GetBoolean().ShouldBeTrue();

        var broken = await api.GetAsync("/api/v1/help-requests?after=kaputt");
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        broken.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_list_page_follows_its_next_and_previous_links_without_javascript()
    {
        var ids = await SeedAsync(ListRequests.PageSize + 2);
        var client = await App.SignedInClientAsync(Role.Operator);

        var first = await client.GetStringAsync("/HelpRequests");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" rel=\"next\"").Groups[1].Value.Replace("&amp;", "&");
        var second = await client.GetStringAsync(next);

        (second.Contains($"/HelpRequests/{ids[0]}") || second.Contains($"/HelpRequests/{ids[1]}")).ShouldBeTrue();
        second.ShouldContain("rel=\"prev\"");
        second.ShouldNotContain("rel=\"next\"");
        (await client.GetStringAsync("/HelpRequests?after=kaputt")).ShouldContain("27 Anfragen");
    }

    // The list's orders as ListRequests asks for them; every query names the town, so each order's index must start with it.
    public static TheoryData<string> Orders => ["newest", "open newest", "open waiting"];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_deep_page_of_a_towns_list_is_read_from_an_index_that_starts_with_the_town(string order)
    {
        await using var session = App.QuerySession();
        var requests = session.Query<HelpRequest>();
        var ordered = order switch
        {
            "newest" => requests.OrderByDescending(r => r.LoggedAt).ThenByDescending(r => r.Id),
            "open newest" => requests.Where(r => r.Status == RequestStatus.Open).OrderByDescending(r => r.LoggedAt).ThenByDescending(r => r.Id),
            _ => requests.Where(r => r.Status == RequestStatus.Open).OrderBy(r => r.StatusSince).ThenBy(r => r.Id),
        };
        var command = ordered.Select(r => r.Id).Skip(40_000).Take(21).ToCommand();

        await using var connection = await App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Whatever the few rows of the test database make cheapest: the plan an index offers, never a sort of the table.
        await using (var off = new Npgsql.NpgsqlCommand("set local enable_seqscan = off; set local enable_sort = off", connection, transaction))
            await off.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand("explain " + command.CommandText, connection, transaction);
        foreach (Npgsql.NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        plan.ShouldContain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"Index Cond: \(+tenant_id = "), string.Join("\n", plan));
    }
}
