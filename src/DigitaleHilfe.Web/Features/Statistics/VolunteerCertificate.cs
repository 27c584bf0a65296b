using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Statistics;

// "Nachweis über ehrenamtliches Engagement": a volunteer's year in one PDF, for an employer, a school or
// the Ehrenamtskarte. Counted like every other figure (requests logged in the year that this person
// reported an outcome for); nothing about the seniors.
public static class VolunteerCertificate
{
    public sealed record Query(Guid VolunteerId, int Year, string SignedBy) : IQuery<byte[]?>;

    public sealed class Handler(IQuerySession session, Catalog.Catalog catalog, Microsoft.Extensions.Options.IOptions<Shared.ServiceInfo> service, TimeProvider clock)
        : IQueryHandler<Query, byte[]?>
    {
        public async ValueTask<byte[]?> Handle(Query query, CancellationToken ct)
        {
            if (query.Year is < PeriodInput.FirstYear or > PeriodInput.LastYear) return null;
            if (await session.LoadAsync<Account>(query.VolunteerId, ct) is not { } account || !account.Has(Role.Volunteer)) return null;
            var period = Period.OfYear(query.Year);
            var requests = await session.Query<RequestFacts>()
                .Where(f => f.ResolvedBy == account.Id && f.Outcome != null && f.LoggedAt >= period.Start && f.LoggedAt < period.End).ToListAsync(ct);
            var minutes = requests.Sum(r => r.MinutesSpent);
            var topics = requests.GroupBy(r => r.Topic).OrderByDescending(g => g.Count()).Select(g => catalog.TopicLabel(g.Key)).ToList();
            var name = service.Value.Name;
            return new PdfText($"Nachweis über ehrenamtliches Engagement – {account.Name}")
                .Title("Nachweis über ehrenamtliches Engagement")
                .Paragraph($"{account.Name} hat sich im Jahr {query.Year} ehrenamtlich bei der {name} engagiert und älteren Menschen bei Fragen zu " +
                    "Smartphone, Tablet, Computer und Internet geholfen.")
                .Row("Zeitraum", $"01.01.{query.Year} – 31.12.{query.Year}")
                .Row("Begleitete Anfragen", $"{requests.Count}")
                .Row("Ehrenamtliche Zeit", Shared.GermanDurations.Minutes(minutes))
                .Row("Themen", topics.Count == 0 ? "–" : string.Join(", ", topics.Take(6)))
                .Paragraph("")
                .Paragraph($"Vielen Dank für Ihren Einsatz!")
                .Paragraph($"{query.SignedBy}, Koordination der {name}, {Shared.CityTime.Local(clock.GetUtcNow()):dd.MM.yyyy}")
                .Note($"{service.Value.Provider}, {service.Value.ProviderAddress} · {service.Value.HotlinePhone} · {service.Value.Email}")
                .ToBytes();
        }
    }
}

[Route("")]
public sealed class CertificateController(IMediator mediator, ICurrentUser user, IQuerySession session) : Controller
{
    // A volunteer's own: signed by the coordinator who approved them.
    [HttpGet("Board/Mine/Nachweis/{year:int}.pdf"), Authorize(Policies.Volunteering)]
    public async Task<IActionResult> Mine(int year, CancellationToken ct)
    {
        var me = await session.LoadAsync<Account>(user.Id!.Value, ct);
        return Pdf(await mediator.Send(new VolunteerCertificate.Query(user.Id!.Value, year, me?.ApprovedBy ?? "Die Koordination"), ct), year);
    }

    [HttpGet("Statistik/Nachweis/{id:guid}/{year:int}.pdf"), Authorize(Policies.Statistics)]
    public async Task<IActionResult> Anyone(Guid id, int year, CancellationToken ct) =>
        Pdf(await mediator.Send(new VolunteerCertificate.Query(id, year, user.Name), ct), year);

    private IActionResult Pdf(byte[]? pdf, int year) => pdf is null ? NotFound() : File(pdf, "application/pdf", $"nachweis-ehrenamt-{year}.pdf");
}
