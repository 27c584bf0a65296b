using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Statistics;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace DigitaleHilfe.IntegrationTests.Statistics;

public sealed class ExportTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly DateTimeOffset March = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    // Requests in March 2026: 7 in Erfenbach about tablets, 3 in Betzenberg about email (a small cell),
    // each resolved by one volunteer with 30 minutes.
    private async Task<Guid> SeedAsync()
    {
        var volunteer = await App.CreateAccountAsync(Role.Volunteer);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(Towns.First))
        {
            var cells = Enumerable.Repeat(("erfenbach", "tablet"), 7).Concat(Enumerable.Repeat(("betzenberg", "email"), 3)).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var id = Guid.NewGuid();
                var at = March.AddHours(i);
                session.Events.StartStream<HelpRequest>(id,
                    new HelpRequestOpened(id, $"2026-{i + 1:D4}", Guid.NewGuid(), cells[i].Item2, "Geheimtext Quarkspeise", cells[i].Item1, "telefon", null, false, "Hanna", at),
                    new RequestClaimed(id, volunteer.Id, volunteer.Name, at.AddHours(2)),
                    new RequestResolved(id, Outcome.Solved, 30, volunteer.Id, volunteer.Name, at.AddDays(1)));
            }
            await session.SaveChangesAsync();
        }
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return volunteer.Id;
    }

    [Fact]
    public async Task Open_data_never_shows_a_cell_below_five_cases()
    {
        await SeedAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var csv = await coordinator.GetByteArrayAsync("/Statistik/OffeneDaten.csv?from=2026-01-01&to=2026-12-31");

        csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        lines[0].ShouldBe(["monat", "stadtteil", "thema", "anfragen"]);
        lines.Skip(1).Select(l => l[3]).ShouldBe(["<5", "7"], ignoreOrder: true);
        foreach (var cell in lines.Skip(1).Select(l => l[3]).Where(c => c != "<5")) int.Parse(cell).ShouldBeGreaterThanOrEqualTo(StatisticsCsv.SuppressBelow);
    }

    [Fact]
    public async Task The_requests_csv_opens_in_german_excel_and_holds_no_personal_data()
    {
        await SeedAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var response = await coordinator.GetAsync("/Statistik/Anfragen.csv?from=2026-03-01&to=2026-03-31");
        var figures = Encoding.UTF8.GetString(await coordinator.GetByteArrayAsync("/Statistik/Zahlen.csv?from=2026-03-01&to=2026-03-31"));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        text.ShouldStartWith("\uFEFFNummer;Aufgenommen;Kanal;Thema;");
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(11);
        text.ShouldNotContain("Quarkspeise");
        figures.ShouldContain("Kennzahl;Neue Anfragen;10;;");
        figures.ShouldContain("Kennzahl;Anteil wieder geöffnet;0;;");
    }

    [Fact]
    public async Task The_api_page_and_csv_count_the_same_requests_and_bad_dates_are_problems()
    {
        await SeedAsync();
        var api = await App.ApiClientAsync(Role.Coordinator);

        var json = await api.GetFromJsonAsync<JsonElement>("/api/v1/statistics?from=2026-03-01&to=2026-03-31");
        var figures = await App.SendAsync(new PeriodFigures.Query(Period.OfMonth(2026, 3)));
        var page = await (await App.SignedInClientAsync(Role.Coordinator)).GetStringAsync("/Cockpit?Kind=Month&Year=2026&Month=3");

        json.GetProperty("requestsLogged").GetInt32().ShouldBe(10);
        json.GetProperty("volunteerMinutes").GetInt32().ShouldBe(figures.VolunteerMinutes);
        json.GetProperty("outcomes").GetProperty("Solved").GetInt32().ShouldBe(10);
        json.GetProperty("medianMinutesToFirstClaim").GetInt32().ShouldBe(120);
        json.GetProperty("byTopic").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ShouldBe(["tablet", "email"]);
        page.ShouldContain("<strong>10</strong><span>neue Anfragen</span>");
        foreach (var bad in new[] { "from=2026-03-01", "from=2026-13-01&to=2026-12-31", "from=2026-03-31&to=2026-03-01", "from=0001-01-01&to=9999-12-31", "from=x&to=y" })
        {
            var response = await api.GetAsync($"/api/v1/statistics?{bad}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await (await App.ApiClientAsync(Role.Operator)).GetAsync("/api/v1/statistics?from=2026-03-01&to=2026-03-31")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_annual_report_and_the_volunteer_certificate_read_back_with_hours_and_counts_and_no_senior_data()
    {
        var volunteer = await SeedAsync();
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        var report = await coordinator.GetByteArrayAsync("/Statistik/Jahresbericht/2026.pdf");
        var certificate = await coordinator.GetByteArrayAsync($"/Statistik/Nachweis/{volunteer}/2026.pdf");
        var page = await coordinator.GetStringAsync("/Statistik/Jahresbericht/2026");

        var reportText = Text(report);
        reportText.ShouldContain("Jahresbericht 2026");
        reportText.ShouldContain("Neue Anfragen");
        reportText.ShouldContain("10");
        reportText.ShouldContain("Stunden ehrenamtliche Hilfe");
        var certificateText = Text(certificate);
        certificateText.ShouldContain("Nachweis über ehrenamtliches Engagement");
        certificateText.ShouldContain("Test Volunteer");
        certificateText.ShouldContain("Begleitete Anfragen10");
        certificateText.ShouldContain("5 Std.");
        certificateText.ShouldContain("Test Coordinator");
        foreach (var text in new[] { reportText, certificateText, page }) text.ShouldNotContain("Quarkspeise");
        page.ShouldContain("Jahresbericht 2026");
        (await coordinator.GetAsync($"/Statistik/Nachweis/{Guid.NewGuid()}/2026.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }
}
