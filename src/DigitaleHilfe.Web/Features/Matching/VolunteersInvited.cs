namespace DigitaleHilfe.Web.Features.Matching;

// Stored as "volunteers_invited" (Marten's alias of the type name, registered in MatchingSetup); it moved
// here from HelpRequests/HelpRequest.cs, which the alias does not notice (EventNamesTests).
// Matching volunteers were invited by email to take the request (never the same person twice).
public sealed record VolunteersInvited(Guid RequestId, IReadOnlyList<Guid> VolunteerIds, DateTimeOffset InvitedAt);
