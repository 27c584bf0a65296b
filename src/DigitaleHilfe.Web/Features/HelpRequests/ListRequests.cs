using DigitaleHilfe.Web.Features.Callers;
using Marten.Linq.MatchesSql;

namespace DigitaleHilfe.Web.Features.HelpRequests;

public enum RequestSort { Newest, Oldest, Waiting, Urgent }

// What the request list can narrow down to, as query-string parameters (all optional).
public sealed record RequestFilter
{
    public RequestStatus? Status { get; init; }
    public string? Topic { get; init; }
    public string? District { get; init; }
    public string? Mode { get; init; }
    public bool? Urgent { get; init; }
    public Guid? Volunteer { get; init; }
    // Unchanged in its status for at least this many days ("liegt seit …").
    public int? OlderThanDays { get; init; }
    // Scheduled, and the appointment lies in the past with no outcome yet (the cockpit's link).
    public bool? AppointmentPassed { get; init; }
    public RequestSort Sort { get; init; }

    public bool IsEmpty => this == new RequestFilter();

    // The list's address with this filter, for the pager and the sort links.
    public string ToQuery()
    {
        var parts = new List<string>();
        void Add(string name, object? value) { if (value is not null && $"{value}" != "") parts.Add($"{name}={Uri.EscapeDataString($"{value}")}"); }
        Add("status", Status); Add("topic", Topic); Add("district", District); Add("mode", Mode);
        Add("urgent", Urgent?.ToString().ToLowerInvariant()); Add("volunteer", Volunteer); Add("olderThanDays", OlderThanDays);
        Add("appointmentPassed", AppointmentPassed?.ToString().ToLowerInvariant());
        if (Sort != RequestSort.Newest) Add("sort", Sort);
        return parts.Count == 0 ? "~/HelpRequests" : "~/HelpRequests?" + string.Join("&", parts);
    }
}

// Where in the list a page starts. Next and previous pages go by the last and first request shown (keyset),
// so requests arriving meanwhile neither repeat nor get skipped, and no page skips through the ones before it.
// Page numbers remain for old links and API clients (their offset reads only the index, docs/performance.md).
public sealed partial record PageAt(int Page = 1, string? After = null, string? Before = null, bool Last = false)
{
    public static readonly PageAt First = new();

    public bool IsValid => (After is null || ListKey.TryParse(After, out _)) && (Before is null || ListKey.TryParse(Before, out _))
        && new[] { After is not null, Before is not null, Last }.Count(x => x) <= 1;
}

// A request's place in the list: the sort value and its id as a tie-breaker, as an opaque token.
public readonly record struct ListKey(bool Urgent, DateTimeOffset At, Guid Id)
{
    public static ListKey Of(HelpRequest r, RequestSort sort) => new(r.Urgent, sort == RequestSort.Waiting ? r.StatusSince : r.LoggedAt, r.Id);

    public override string ToString() => $"{(Urgent ? 1 : 0)}.{At.UtcTicks}.{Id:N}";

    public static bool TryParse(string? token, out ListKey key)
    {
        key = default;
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3 || parts[0] is not ("0" or "1") || !long.TryParse(parts[1], out var ticks) || ticks < DateTimeOffset.MinValue.UtcTicks
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[2], "N", out var id)) return false;
        key = new ListKey(parts[0] == "1", new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}

public static class ListRequests
{
    public const int PageSize = 25;

    // Counting stops here: "über 1.000 Anfragen" costs a thousand index entries, an exact count all of them.
    public const int CountCap = 1_000;

    // LastPageWhenBeyond: a person's list shows the last page for a page number past the end; the API answers it empty.
    public sealed record Query(RequestFilter Filter, int Page = 1, bool LastPageWhenBeyond = false) : IQuery<ResultPage>
    {
        public PageAt At { get; init; } = new(Page);
    }

    public sealed record ResultPage(
        IReadOnlyList<HelpRequest> Items, IReadOnlyDictionary<Guid, Caller> Callers, RequestFilter Filter, int Page, int PageSize,
        long TotalCount, bool CountIsExact)
    {
        public RequestStatus? Status => Filter.Status;
        public bool HasPrevious { get; init; }
        public bool HasNext { get; init; }
        // Null unless the list was reached by page number and counted exactly.
        public long? TotalPages => CountIsExact ? Math.Max(1, (TotalCount + PageSize - 1) / PageSize) : null;

        public string CallerNameOf(HelpRequest r) =>
            r.AnonymisedAt is { } erased ? Privacy.Erasure.Shown(Privacy.Erasure.Masked, erased)
            : r.CallerId is { } id && Callers.TryGetValue(id, out var caller) ? caller.Name : r.CallerName;

        public string? NextToken => HasNext && Items.Count > 0 ? ListKey.Of(Items[^1], Filter.Sort).ToString() : null;
        public string? PreviousToken => HasPrevious && Items.Count > 0 ? ListKey.Of(Items[0], Filter.Sort).ToString() : null;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Die Seitenzahl muss 1 oder größer sein.");
            RuleFor(q => q.At).Must(a => a is null || a.IsValid).WithMessage("Diese Seitenangabe (after, before, last) ist ungültig. Bitte folgen Sie den Links next und previous.");
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider clock) : IQueryHandler<Query, ResultPage>
    {
        public async ValueTask<ResultPage> Handle(Query query, CancellationToken ct)
        {
            var f = query.Filter;
            var filtered = Filtered(session.Query<HelpRequest>(), f);
            var counted = await filtered.Select(r => r.Id).Take(CountCap + 1).ToListAsync(ct);
            var total = Math.Min(counted.Count, CountCap);
            var exact = counted.Count <= CountCap;
            var at = query.At;

            List<HelpRequest> items;
            bool hasPrevious, hasNext;
            var number = 1;
            if (at.After is not null || at.Before is not null || at.Last)
            {
                var backwards = at.Before is not null || at.Last;
                var token = at.After ?? at.Before;
                IQueryable<HelpRequest> page = filtered;
                if (token is not null && ListKey.TryParse(token, out var key)) page = page.Where(r => r.MatchesSql(Beyond(f.Sort, backwards), Parameters(f.Sort, key)));
                var rows = await Ordered(page, f.Sort, backwards).Take(PageSize + 1).ToListAsync(ct);
                var more = rows.Count > PageSize;
                items = rows.Take(PageSize).ToList();
                if (backwards) items.Reverse();
                (hasPrevious, hasNext) = backwards ? (more, !at.Last) : (true, more);
                // "Previous" from the second page lands on the first one: show it as such, with nothing before it.
                if (at.Before is not null && items.Count == 0) return await Handle(query with { At = PageAt.First }, ct);
            }
            else
            {
                number = Shared.Paging.Clamp(at.Page);
                var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
                // A page beyond the end (the list got shorter, an old link) shows the last page, not "none".
                if (query.LastPageWhenBeyond && exact && number > pages) number = pages;
                // Only ids come from the skipped part of the index; the documents are read for this page alone.
                var ids = await Ordered(filtered, f.Sort, backwards: false).Select(r => r.Id).Skip((number - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
                if (ids.Count == 0 && number > 1 && query.LastPageWhenBeyond) return await Handle(query with { At = new PageAt(Last: true) }, ct);
                var docs = ids.Count == 0 ? [] : (await session.LoadManyAsync<HelpRequest>(ct, ids.Take(PageSize))).ToDictionary(r => r.Id);
                items = ids.Take(PageSize).Where(docs.ContainsKey).Select(id => docs[id]).ToList();
                (hasPrevious, hasNext) = (number > 1, ids.Count > PageSize);
            }

            var callerIds = items.Where(r => r.CallerId is not null).Select(r => r.CallerId!.Value).Distinct().ToArray();
            var callers = callerIds.Length == 0 ? [] : await session.LoadManyAsync<Caller>(ct, callerIds);
            return new ResultPage(items, callers.ToDictionary(c => c.Id), f, number, PageSize, total, exact) { HasPrevious = hasPrevious, HasNext = hasNext };
        }

        private IQueryable<HelpRequest> Filtered(IQueryable<HelpRequest> requests, RequestFilter f)
        {
            if (f.Status is { } status) requests = requests.Where(r => r.Status == status);
            if (!string.IsNullOrEmpty(f.Topic)) requests = requests.Where(r => r.Topic == f.Topic);
            if (!string.IsNullOrEmpty(f.District)) requests = requests.Where(r => r.District == f.District);
            if (!string.IsNullOrEmpty(f.Mode)) requests = requests.Where(r => r.HelpMode == f.Mode);
            if (f.Urgent is { } urgent) requests = requests.Where(r => r.Urgent == urgent);
            if (f.Volunteer is { } volunteer) requests = requests.Where(r => r.VolunteerId == volunteer);
            if (f.AppointmentPassed == true)
            {
                var now = clock.GetUtcNow();
                requests = requests.Where(r => r.Status == RequestStatus.Scheduled && r.Appointment!.At < now);
            }
            if (f.OlderThanDays is { } days)
            {
                var before = clock.GetUtcNow().AddDays(-days);
                requests = requests.Where(r => r.StatusSince <= before);
            }
            return requests;
        }

        // Every order ends with the id, so that the order is total and a key names one place in it.
        private static IQueryable<HelpRequest> Ordered(IQueryable<HelpRequest> requests, RequestSort sort, bool backwards) => (sort, backwards) switch
        {
            (RequestSort.Oldest, false) or (RequestSort.Newest, true) => requests.OrderBy(r => r.LoggedAt).ThenBy(r => r.Id),
            (RequestSort.Waiting, false) => requests.OrderBy(r => r.StatusSince).ThenBy(r => r.Id),
            (RequestSort.Waiting, true) => requests.OrderByDescending(r => r.StatusSince).ThenByDescending(r => r.Id),
            (RequestSort.Urgent, false) => requests.OrderByDescending(r => r.Urgent).ThenBy(r => r.LoggedAt).ThenBy(r => r.Id),
            (RequestSort.Urgent, true) => requests.OrderBy(r => r.Urgent).ThenByDescending(r => r.LoggedAt).ThenByDescending(r => r.Id),
            // Newest first: the operator's usual question is "what came in today?".
            _ => requests.OrderByDescending(r => r.LoggedAt).ThenByDescending(r => r.Id),
        };

        // The rows after a key in the direction read, on the duplicated columns the order uses (HelpRequestsSetup).
        private static string Beyond(RequestSort sort, bool backwards)
        {
            var ascending = sort is RequestSort.Oldest or RequestSort.Waiting or RequestSort.Urgent;
            var column = sort == RequestSort.Waiting ? "d.status_since" : "d.logged_at";
            var op = ascending != backwards ? ">" : "<";
            return sort == RequestSort.Urgent
                ? $"(d.urgent {(backwards ? ">" : "<")} ? or (d.urgent = ? and ({column}, d.id) {op} (?, ?)))"
                : $"({column}, d.id) {op} (?, ?)";
        }

        private static object[] Parameters(RequestSort sort, ListKey key) =>
            sort == RequestSort.Urgent ? [key.Urgent, key.Urgent, key.At, key.Id] : [key.At, key.Id];
    }
}
