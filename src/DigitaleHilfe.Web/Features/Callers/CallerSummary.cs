using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Callers;

// What the operator needs on screen while a known senior is on the line: who it is, the notes,
// open requests, the last three finished ones, and whether a request on this topic is already open.
public static class CallerSummary
{
    public sealed record ByPhone(string Phone, string? Topic = null) : IQuery<IReadOnlyList<Summary>>;

    public sealed record ById(Guid CallerId, string? Topic = null) : IQuery<Summary?>;

    // Volunteers who have held a request of this caller: the people a "not again" wish can name.
    public sealed record Helpers(Guid CallerId) : IQuery<IReadOnlyList<(Guid Id, string Name)>>;

    public sealed record Summary(Caller Caller, IReadOnlyList<HelpRequest> Open, IReadOnlyList<HelpRequest> RecentlyClosed, HelpRequest? SameTopicOpen);

    public sealed class Handler(IQuerySession session) : IQueryHandler<ByPhone, IReadOnlyList<Summary>>, IQueryHandler<ById, Summary?>,
        IQueryHandler<Helpers, IReadOnlyList<(Guid Id, string Name)>>
    {
        public async ValueTask<IReadOnlyList<(Guid Id, string Name)>> Handle(Helpers query, CancellationToken ct)
        {
            var requests = await session.Query<HelpRequest>().Where(r => r.CallerId == query.CallerId && r.VolunteerId != null).ToListAsync(ct);
            var all = await session.Query<HelpRequest>().Where(r => r.CallerId == query.CallerId).Select(r => r.Id).ToListAsync(ct);
            var ids = all.ToArray();
            var claimed = ids.Length == 0 ? [] : await session.Events.QueryRawEventDataOnly<RequestClaimed>().Where(e => ids.Contains(e.RequestId)).ToListAsync(ct);
            return claimed.Select(e => (e.VolunteerId, e.VolunteerName))
                .Concat(requests.Select(r => (r.VolunteerId!.Value, r.VolunteerName ?? "")))
                .DistinctBy(x => x.Item1).ToList();
        }

        public async ValueTask<IReadOnlyList<Summary>> Handle(ByPhone query, CancellationToken ct)
        {
            if (Phones.Normalise(query.Phone).E164 is not { } phone) return [];
            var callers = await CallerDirectory.ByPhoneAsync(session, phone, ct);
            var summaries = new List<Summary>();
            foreach (var caller in callers) summaries.Add(await SummariseAsync(caller, query.Topic, ct));
            return summaries;
        }

        public async ValueTask<Summary?> Handle(ById query, CancellationToken ct) =>
            await session.LoadAsync<Caller>(query.CallerId, ct) is { } caller ? await SummariseAsync(caller, query.Topic, ct) : null;

        private async Task<Summary> SummariseAsync(Caller caller, string? topic, CancellationToken ct)
        {
            var requests = await session.Query<HelpRequest>().Where(r => r.CallerId == caller.Id)
                .OrderByDescending(r => r.LoggedAt).ToListAsync(ct);
            var open = requests.Where(r => r.IsActive).ToList();
            return new Summary(caller, open, requests.Where(r => !r.IsActive).Take(3).ToList(),
                string.IsNullOrEmpty(topic) ? null : open.FirstOrDefault(r => r.Topic == topic));
        }
    }
}
