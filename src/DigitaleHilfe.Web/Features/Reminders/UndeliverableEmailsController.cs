using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Features.Shared;
using Marten.Pagination;

namespace DigitaleHilfe.Web.Features.Reminders;

// "Nicht zugestellte E-Mails": reminder mails the server refused for good or that failed every retry.
// Coordinators fix the address (or call the person) and mark the entry as done.
[Authorize(Policies.Coordination)]
[Route("Emails/Undeliverable")]
public sealed class UndeliverableEmailsController(IDocumentSession session, ICurrentUser user, TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(bool done = false, int page = 1, CancellationToken ct = default)
    {
        page = Paging.Clamp(page);
        var query = done ? session.Query<UndeliverableEmail>().Where(u => u.DismissedAt != null) : session.Query<UndeliverableEmail>().Where(u => u.DismissedAt == null);
        var items = await query.OrderByDescending(u => u.At).ToPagedListAsync(page, PageSize, ct);
        return View("UndeliverableEmails", new UndeliverablePage(items.ToList(), done, page, (int)items.PageCount, (int)items.TotalItemCount));
    }

    [HttpPost("{id:guid}/Dismiss")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Dismiss(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<UndeliverableEmail>(id, ct) is not { } entry)
            return this.RedirectWithNotice(nameof(Index), "Diesen Eintrag gibt es nicht mehr.", "");
        if (entry.DismissedAt is null)
        {
            session.Store(entry with { DismissedAt = clock.GetUtcNow(), DismissedBy = user.Name });
            await session.SaveChangesAsync(ct);
        }
        return this.RedirectWithNotice(nameof(Index), null, "Als erledigt markiert.");
    }
}

public sealed record UndeliverablePage(IReadOnlyList<UndeliverableEmail> Items, bool Done, int Page, int TotalPages, int Total);
