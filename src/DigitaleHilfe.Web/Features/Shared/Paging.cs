namespace DigitaleHilfe.Web.Features.Shared;

public static class Paging
{
    // Far beyond any real list, and small enough that (page - 1) * page size stays an int: a page
    // number typed into the address bar gives an empty page, never an overflowing OFFSET.
    public const int MaxPage = 100_000;

    public static int Clamp(int requested) => Math.Clamp(requested, 1, MaxPage);
}
