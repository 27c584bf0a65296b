using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.Web.Features.Statistics;

// One request's figures, kept by the async daemon from its events: every statistic is counted from these
// documents (PeriodFigures). No personal data; the senior only as an id, for "distinct seniors". A request
// counts in the period it was logged in, with everything that became of it, so the same request always
// counts the same on the cockpit, in the CSV, the API and the annual report.
public sealed record RequestFacts
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    [StatisticsColumn(Indexed = true)] public DateTimeOffset LoggedAt { get; init; }
    [StatisticsColumn] public string Channel { get; init; } = RequestChannels.Hotline;
    [StatisticsColumn] public string Topic { get; init; } = "";
    [StatisticsColumn] public string District { get; init; } = "";
    [StatisticsColumn] public string HelpMode { get; init; } = "";
    [StatisticsColumn] public Guid? CallerId { get; init; }
    public RequestStatus Status { get; init; }
    public DateTimeOffset? FirstClaimAt { get; init; }
    [StatisticsColumn] public DateTimeOffset? FirstResolvedAt { get; init; }
    [StatisticsColumn] public Outcome? Outcome { get; init; }
    [StatisticsColumn] public int MinutesSpent { get; init; }
    [StatisticsColumn] public int Reopens { get; init; }
    [StatisticsColumn] public bool? FollowUpAllGood { get; init; }
    public Guid? VolunteerId { get; init; }
    // Who reported the latest outcome (a volunteer's account id), for "active volunteers".
    [StatisticsColumn(Indexed = true)] public Guid? ResolvedBy { get; init; }
    // Whole minutes from logging to the first claim and to the first outcome (null: not yet).
    [StatisticsColumn] public int? MinutesToFirstClaim { get; init; }
    [StatisticsColumn] public int? MinutesToResolution { get; init; }

    public static RequestFacts Create(HelpRequestOpened e) => new()
    {
        Id = e.RequestId, Number = e.Number, LoggedAt = e.LoggedAt, Channel = e.Channel ?? RequestChannels.Hotline, Topic = e.Topic,
        District = e.District, HelpMode = e.HelpMode, CallerId = e.CallerId, Status = RequestStatus.Open,
    };

    public static RequestFacts Create(HelpRequestLogged e) => new()
    {
        Id = e.RequestId, Number = e.Number, LoggedAt = e.LoggedAt, Topic = e.Topic, District = e.District, HelpMode = e.HelpMode, Status = RequestStatus.Open,
    };

    public RequestFacts Apply(RequestMovedToCaller e) => this with { CallerId = e.ToCallerId };

    public RequestFacts Apply(RequestClaimed e) => Claimed(e.VolunteerId, e.ClaimedAt);

    public RequestFacts Apply(RequestAssigned e) => Claimed(e.VolunteerId, e.AssignedAt);

    public RequestFacts Apply(RequestReleased e) => this with { Status = RequestStatus.Open, VolunteerId = null };

    public RequestFacts Apply(AppointmentScheduled e) => this with { Status = RequestStatus.Scheduled };

    public RequestFacts Apply(AppointmentCancelled e) => this with { Status = RequestStatus.Claimed };

    public RequestFacts Apply(RequestResolved e) => this with
    {
        Status = RequestStatus.Resolved, Outcome = e.Outcome, MinutesSpent = MinutesSpent + e.MinutesSpent, ResolvedBy = e.VolunteerId ?? ResolvedBy,
        FirstResolvedAt = FirstResolvedAt ?? e.ResolvedAt, MinutesToResolution = MinutesToResolution ?? Minutes(e.ResolvedAt),
        FollowUpAllGood = null,
    };

    public RequestFacts Apply(RequestReopened e) =>
        this with { Status = VolunteerId is null ? RequestStatus.Open : RequestStatus.Claimed, Outcome = null, Reopens = Reopens + 1 };

    public RequestFacts Apply(RequestClosed e) => this with { Status = RequestStatus.Closed };

    public RequestFacts Apply(RequestCancelled e) => this with { Status = RequestStatus.Cancelled };

    public RequestFacts Apply(FollowUpAnswered e) => this with { FollowUpAllGood = e.AllGood };

    private RequestFacts Claimed(Guid volunteer, DateTimeOffset at) => this with
    {
        Status = RequestStatus.Claimed, VolunteerId = volunteer, FirstClaimAt = FirstClaimAt ?? at, MinutesToFirstClaim = MinutesToFirstClaim ?? Minutes(at),
    };

    private int Minutes(DateTimeOffset at) => (int)Math.Max(0, Math.Floor((at - LoggedAt).TotalMinutes));
}
