using DigitaleHilfe.Web.Features.Callers;
using Marten.Pagination;

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
        return parts.Count == 0 ? "/HelpRequests" : "/HelpRequests?" + string.Join("&", parts);
    }
}

public static class ListRequests
{
    public const int PageSize = 25;

    // LastPageWhenBeyond: a person's list shows the last page for a page past the end; the API answers it empty.
    public sealed record Query(RequestFilter Filter, int Page = 1, bool LastPageWhenBeyond = false) : IQuery<ResultPage>;

    public sealed record ResultPage(
        IReadOnlyList<HelpRequest> Items, IReadOnlyDictionary<Guid, Caller> Callers, RequestFilter Filter, int Page, int PageSize,
        long TotalCount, long TotalPages)
    {
        public RequestStatus? Status => Filter.Status;

        public string CallerNameOf(HelpRequest r) =>
            r.AnonymisedAt is { } erased ? Privacy.Erasure.Shown(Privacy.Erasure.Masked, erased)
            : r.CallerId is { } id && Callers.TryGetValue(id, out var caller) ? caller.Name : r.CallerName;

        public bool HasPrevious => Page > 1;
        public bool HasNext => Page < TotalPages;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Die Seitenzahl muss 1 oder größer sein.");
    }

    public sealed class Handler(IQuerySession session, TimeProvider clock) : IQueryHandler<Query, ResultPage>
    {
        public async ValueTask<ResultPage> Handle(Query query, CancellationToken ct)
        {
            var f = query.Filter;
            IQueryable<HelpRequest> requests = session.Query<HelpRequest>();
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
            requests = f.Sort switch
            {
                RequestSort.Oldest => requests.OrderBy(r => r.LoggedAt),
                RequestSort.Waiting => requests.OrderBy(r => r.StatusSince),
                RequestSort.Urgent => requests.OrderByDescending(r => r.Urgent).ThenBy(r => r.LoggedAt),
                // Newest first: the operator's usual question is "what came in today?".
                _ => requests.OrderByDescending(r => r.LoggedAt),
            };

            var number = Shared.Paging.Clamp(query.Page);
            var page = await requests.ToPagedListAsync(number, PageSize, ct);
            // A page beyond the end (the list got shorter, an old link) shows the last page, not "none".
            if (query.LastPageWhenBeyond && page.Count == 0 && page.PageCount > 0 && number > page.PageCount)
            {
                number = (int)page.PageCount;
                page = await requests.ToPagedListAsync(number, PageSize, ct);
            }
            var callerIds = page.Where(r => r.CallerId is not null).Select(r => r.CallerId!.Value).Distinct().ToArray();
            var callers = callerIds.Length == 0 ? [] : await session.LoadManyAsync<Caller>(ct, callerIds);
            return new ResultPage(page.ToList(), callers.ToDictionary(c => c.Id), f, number, PageSize, page.TotalItemCount, page.PageCount);
        }
    }
}
