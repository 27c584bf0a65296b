namespace DigitaleHilfe.Web.Features.Callers;

// Finding a senior by any part of the name or of a phone number (search page, duplicate check).
public static class SearchCallers
{
    public sealed record Query(string Term) : IQuery<IReadOnlyList<Caller>>;

    public sealed class Handler(IDocumentSession session) : IQueryHandler<Query, IReadOnlyList<Caller>>
    {
        public async ValueTask<IReadOnlyList<Caller>> Handle(Query query, CancellationToken ct)
        {
            var terms = SearchTerms.For(query.Term);
            if (terms.Count == 0) return [];
            IQueryable<Caller> callers = session.Query<Caller>().Where(c => c.MergedInto == null);
            foreach (var term in terms) callers = callers.Where(c => c.SearchText.Contains(term));
            return await callers.OrderBy(c => c.Name).Take(50).ToListAsync(ct);
        }
    }
}

public static class SearchTerms
{
    // "Becker 0631 12" → ["becker", "063112"]: words lower-cased, a run of digits (with spaces, slashes,
    // brackets between them) as one number fragment, a leading +49/0049 read as a leading 0.
    public static IReadOnlyList<string> For(string? input)
    {
        var text = (input ?? "").Trim().ToLowerInvariant();
        if (text.Length is 0 or > 100) return [];
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Any(char.IsAsciiDigit) && w.Length >= 2).ToList();
        if (text.StartsWith("+49")) digits = "0" + digits[2..];
        else if (digits.StartsWith("0049")) digits = "0" + digits[4..];
        if (digits.Length >= 3) words.Add(digits);
        return words;
    }
}
