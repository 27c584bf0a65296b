using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Email;

namespace DigitaleHilfe.Web.Features.Matching;

// Whom to invite to take a request, and what the invitation says. The next best volunteers who were not
// invited yet, who want invitations and have not had their daily share; each gets a single-use,
// expiring link that goes through the normal claim rule. Sent by the reminders (Invitation when a
// request comes onto the board, UnclaimedWidening later) through the same delivery path, retries and
// undeliverable list as every other reminder, so the operator never waits for a mail server.
public static class InviteVolunteers
{
    public sealed record Invitee(Suggestion Suggestion, Account Account);

    // How many more than needed the first pass looks at, for those who turn out to have had their share today.
    private const int ExtraLook = 5;

    public static async Task<IReadOnlyList<Invitee>> ChooseAsync(
        CandidateBatch pool, IDocumentSession session, HelpRequest request, int count, MatchingOptions options, Catalog.Catalog catalog, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (request.Status != RequestStatus.Open || count <= 0) return [];
        var caller = request.CallerId is { } id ? await session.LoadAsync<Caller>(id, ct) : null;
        var candidates = pool.For(caller, request.HelpMode);
        var matchRequest = Candidates.For(request, caller, catalog);

        // Most rounds find their few invitees among the best: those are found in one pass (MatchScore.Rank) instead of
        // ranking every volunteer of the town (an object each: 6 % of all the app allocated at 50 intakes/s, docs/performance.md).
        // Only when too many of them were invited already, have had their share today or left, the whole order follows.
        var chosen = new List<Invitee>();
        var considered = new HashSet<Guid>();
        var take = count + request.InvitedVolunteers.Count + ExtraLook;
        var best = MatchScore.Rank(matchRequest, candidates, options, take, catalog.TopicLabel);
        await ChooseFromAsync(best);
        if (chosen.Count < count && best.Count == take)
            await ChooseFromAsync(MatchScore.Ranked(matchRequest, candidates, options, catalog.TopicLabel));

        async Task ChooseFromAsync(IEnumerable<Suggestion> ranked)
        {
            foreach (var suggestion in ranked)
            {
                if (chosen.Count == count) return;
                if (!considered.Add(suggestion.VolunteerId) || request.InvitedVolunteers.Contains(suggestion.VolunteerId)) continue;
                var profile = candidates.First(c => c.VolunteerId == suggestion.VolunteerId).Profile;
                if (!await WantsOneMoreAsync(session, profile, now, ct)) continue;
                if (pool.Account(suggestion.VolunteerId) is not { Active: true } account) continue;
                chosen.Add(new Invitee(suggestion, account));
            }
        }
        return chosen;
    }

    // Counted from the requests' snapshots (who was invited when), so an invitation stores nothing of its own.
    private static async Task<bool> WantsOneMoreAsync(IDocumentSession session, VolunteerProfile profile, DateTimeOffset now, CancellationToken ct)
    {
        if (profile.MaxInvitationsPerDay is not { } max) return true;
        if (max == 0) return false;
        var dayAgo = now.AddDays(-1);
        var today = await session.QueryAsync<int>(
            $"select count(*)::int from {Infrastructure.Persistence.PersistenceSetup.SchemaName}.mt_doc_helprequest " +
            "where tenant_id = ? and last_invited_at > ? and (data -> 'InvitedAt' ->> ?)::timestamptz > ?",
            ct, session.TenantId, dayAgo, profile.Id.ToString(), dayAgo);
        return today[0] < max;
    }

    // What the request is about, never who: no name, number, address or free text of the senior.
    public static EmailMessage Mail(HelpRequest r, Invitee invitee, string link, Catalog.Catalog catalog)
    {
        var what = $"{catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}, gewünscht: {catalog.HelpModeLabel(r.HelpMode)}{(r.Urgent ? " (dringend)" : "")}";
        var matches = invitee.Suggestion.Matches;
        return new EmailLayout().Greeting(invitee.Account.Name)
            .Paragraph($"eine neue Anfrage könnte gut zu Ihnen passen: {what}.")
            .Paragraph(r.Summary is { } summary ? $"Worum es geht: {summary}" : null)
            .Paragraph(matches.Count > 0 ? $"Das passt zu Ihnen, weil {MatchScore.JoinGerman(matches)}." : "Vielleicht ist das etwas für Sie.")
            .Paragraph("Wenn Sie helfen möchten, übernehmen Sie sie über den Link (Anmeldung nötig, der Link gilt einmal).")
            .Button("Ich übernehme das", link)
            .Footer("Einladungen abbestellen oder begrenzen: in Ihrem Profil.")
            .To(invitee.Account.Email, r.Summary is { } line
                ? $"Neue Anfrage: {line} ({catalog.DistrictLabel(r.District)})"
                : $"Neue Anfrage: {catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}");
    }
}
