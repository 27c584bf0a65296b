using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.HelpRequests;

public sealed class RequestNumberTests(AppFixture app) : IntegrationTest(app)
{
    private RequestNumbers Numbers => App.Services.GetRequiredService<RequestNumbers>();

    // A year no other test (and no earlier run against this database) has numbered.
    private static readonly int Year = 3000 + Random.Shared.Next(0, 6000);

    private static DateTimeOffset In(int year) => new(year, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private async Task<string> NextAsync(int year)
    {
        await using var connection = await App.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await Numbers.NextAsync(In(year), connection, CancellationToken.None);
    }

    [Fact]
    public async Task Numbers_drawn_side_by_side_are_all_different_and_count_up_per_year()
    {
        var drawn = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<string>();
            for (var i = 0; i < 25; i++) mine.Add(await NextAsync(Year));
            return mine;
        })));

        var all = drawn.SelectMany(d => d).ToList();
        all.Distinct().Count().ShouldBe(200);
        all.ShouldAllBe(n => n.StartsWith($"{Year}-"));
        foreach (var mine in drawn)
        {
            var counters = mine.Select(n => long.Parse(n.Split('-')[1])).ToList();
            counters.ShouldBe(counters.Order().ToList());
        }
    }

    [Fact]
    public async Task A_year_counted_by_the_old_counter_table_goes_on_after_its_last_number()
    {
        var year = Year + 1;
        await using (var connection = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"insert into digitalehilfe.request_numbers (year, last_number) values ({year}, 4711) on conflict (year) do update set last_number = 4711", connection);
            await command.ExecuteNonQueryAsync();
        }

        (await NextAsync(year)).ShouldBe($"{year}-4712");
        (await NextAsync(year)).ShouldBe($"{year}-4713");
    }
}
