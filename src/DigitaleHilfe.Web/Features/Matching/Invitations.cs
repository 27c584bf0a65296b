using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Matching;

// Invites the next best volunteers who were not invited yet, who want invitations and have not had
// their daily share. Each gets a single-use, expiring link that goes through the normal claim rule.
// Run by the reminders (Invitation when a request comes onto the board, UnclaimedWidening later), so
// the operator never waits for a mail server while the senior is on the line.
public static class InviteVolunteers
{
    public sealed record Command(Guid RequestId, int Count) : ICommand<IReadOnlyList<Guid>>;

    public sealed class Handler(
        IDocumentSession session, IOptions<MatchingOptions> options, IEmailSender email, PublicLinks links, Catalog.Catalog catalog,
        TimeProvider clock, ILogger<Handler> logger) : ICommandHandler<Command, IReadOnlyList<Guid>>
    {
        public async ValueTask<IReadOnlyList<Guid>> Handle(Command command, CancellationToken ct)
        {
            if (await session.LoadAsync<HelpRequest>(command.RequestId, ct) is not { Status: RequestStatus.Open } request) return [];
            var now = clock.GetUtcNow();
            var caller = request.CallerId is { } id ? await session.LoadAsync<Caller>(id, ct) : null;
            var candidates = await Candidates.LoadAsync(session, caller, now, ct);
            var ranked = MatchScore.Rank(Candidates.For(request, caller), candidates, options.Value, topicLabel: catalog.TopicLabel);

            var chosen = new List<(Suggestion Suggestion, Account Account, string Token)>();
            foreach (var suggestion in ranked.Where(s => !request.InvitedVolunteers.Contains(s.VolunteerId)))
            {
                if (chosen.Count == command.Count) break;
                var profile = candidates.First(c => c.VolunteerId == suggestion.VolunteerId).Profile;
                if (!await WantsOneMoreAsync(profile, now, ct)) continue;
                if (await session.LoadAsync<Account>(suggestion.VolunteerId, ct) is not { } account) continue;
                var token = AccountTokens.Issue(session, account.Id, TokenPurpose.ClaimInvitation, now, options.Value.InvitationLifetime, request.Id);
                chosen.Add((suggestion, account, token));
            }
            if (chosen.Count == 0) return [];

            session.Events.Append(request.Id, new VolunteersInvited(request.Id, chosen.Select(c => c.Account.Id).ToList(), now));
            await session.SaveChangesAsync(ct);
            // One connection for all; an invitation that does not arrive is not retried (the next best
            // are invited later if nobody claims), but it is logged.
            var messages = chosen.Select(c => Mail(request, c.Suggestion, c.Account, links.To($"Invitations/{c.Token}"))).ToList();
            var results = await email.SendBatchAsync(messages, ct);
var refused = false;
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i].Status == DeliveryStatus.Delivered) continue;
                var account = chosen[i].Account;
                logger.LogWarning("Invitation to {Volunteer} was not sent: {Error}", account.Id, results[i].Error);
                if (results[i].Status != DeliveryStatus.Permanent) continue;
                // A refused address stays refused: the coordinators should hear of it.
                session.Store(Reminders.UndeliverableEmail.Of(messages[i], "Einladung passender Helfender", $"Helfende Person {account.Name}",
                    results[i].Error ?? "", now, request));
                refused = true;
            }
            if (refused) await session.SaveChangesAsync(ct);
            return chosen.Select(c => c.Account.Id).ToList();
        }

        private async Task<bool> WantsOneMoreAsync(VolunteerProfile profile, DateTimeOffset now, CancellationToken ct)
        {
            if (profile.MaxInvitationsPerDay is not { } max) return true;
            if (max == 0) return false;
            var dayAgo = now.AddDays(-1);
            var today = await session.Query<AccountToken>().CountAsync(t =>
                t.AccountId == profile.Id && t.Purpose == TokenPurpose.ClaimInvitation && t.IssuedAt > dayAgo, ct);
            return today < max;
        }

        // What the request is about, never who: no name, number, address or free text of the senior.
        private EmailMessage Mail(HelpRequest r, Suggestion s, Account a, string link)
        {
            var what = $"{catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}, gewünscht: {catalog.HelpModeLabel(r.HelpMode)}{(r.Urgent ? " (dringend)" : "")}";
            var why = s.Matches.Count > 0 ? $"Das passt zu Ihnen, weil {MatchScore.JoinGerman(s.Matches)}." : "";
            return new EmailLayout().Greeting(a.Name)
                .Paragraph($"eine neue Anfrage könnte gut zu Ihnen passen: {what}.")
                .Paragraph(why.Length > 0 ? why : "Vielleicht ist das etwas für Sie.")
                .Paragraph("Wenn Sie helfen möchten, übernehmen Sie sie über den Link (Anmeldung nötig, der Link gilt einmal).")
                .Button("Ich übernehme das", link)
                .Footer("Einladungen abbestellen oder begrenzen: in Ihrem Profil.")
                .To(a.Email, $"Neue Anfrage: {catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}");
        }
    }
}
