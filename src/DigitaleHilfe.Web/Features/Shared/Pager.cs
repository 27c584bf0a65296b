namespace DigitaleHilfe.Web.Features.Shared;

// Previous / "Seite x von y" / next under a paged list. Url is the list's address without the page.
public sealed record Pager(int Page, long TotalPages, string Url, string Previous = "« Vorherige Seite", string Next = "Nächste Seite »")
{
    public string To(int page) => $"{Url}{(Url.Contains('?') ? '&' : '?')}page={page}";
}
