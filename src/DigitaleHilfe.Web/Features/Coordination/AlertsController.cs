using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Coordination;

// "Hinweise": what needs a person's eye that no single request page shows. Requests the background
// work had to skip (BackgroundProblem) and volunteers who gave back several requests right after
// looking at the seniors' contact details (ReleaseAlert); certificates of conduct about to run out.
[Authorize(Policies.Coordination)]
[Route("Coordination/Alerts")]
public sealed class AlertsController(IDocumentSession session, ICurrentUser user, TimeProvider clock, CertificateReminders certificates) : Controller
{
    public const int Shown = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var problems = await session.Query<BackgroundProblem>().Where(p => p.SolvedAt == null).OrderByDescending(p => p.LastAt).Take(Shown).ToListAsync(ct);
        var releases = await session.Query<ReleaseAlert>().Where(a => a.DismissedAt == null).OrderByDescending(a => a.At).Take(Shown).ToListAsync(ct);
        return View("Alerts", new AlertsPage(problems, releases, await certificates.DueAsync(ct)));
    }

    [HttpPost("Releases/{id}/Dismiss")]
    public async Task<IActionResult> Dismiss(string id, CancellationToken ct)
    {
        if (await session.LoadAsync<ReleaseAlert>(id, ct) is not { } alert)
            return this.RedirectWithNotice(nameof(Index), "Diesen Hinweis gibt es nicht mehr.", "");
        if (alert.DismissedAt is null)
        {
            session.Store(alert with { DismissedAt = clock.GetUtcNow(), DismissedBy = user.Name });
            await session.SaveChangesAsync(ct);
        }
        return this.RedirectWithNotice(nameof(Index), null, "Der Hinweis ist als erledigt markiert.");
    }
}

public sealed record AlertsPage(IReadOnlyList<BackgroundProblem> Problems, IReadOnlyList<ReleaseAlert> Releases,
    IReadOnlyList<CertificateReminders.Due> Certificates);
