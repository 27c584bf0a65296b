using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Email;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Matching;

// Published after a call is logged.
public sealed record RequestLogged(Guid RequestId) : INotification;

// Invites the next best volunteers who were not invited yet, who want invitations and have not had
// their daily share. Each gets a single-use, expiring link that goes through the normal claim rule.
public static class InviteVolunteers
{
    public sealed record Command(Guid RequestId, int Count) : ICommand<IReadOnlyList<Guid>>;

    // The operator must not wait for a mail server while the senior is on the line: invitations go
    // out from a background job. (Deriving such jobs from the events, so that a crash between saving
    // and enqueueing loses nothing, is the reminders issue's work.)
    public sealed class OnRequestLogged(IBackgroundJobClient jobs) : INotificationHandler<RequestLogged>
    {
        public ValueTask Handle(RequestLogged notification, CancellationToken ct)
        {
            jobs.Enqueue<Job>(job => job.RunAsync(notification.RequestId));
            return ValueTask.CompletedTask;
        }
    }

    public sealed class Job(IMediator mediator, IOptions<MatchingOptions> options)
    {
        public async Task RunAsync(Guid requestId) => await mediator.Send(new Command(requestId, options.Value.InviteTopN));
    }

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
            foreach (var (suggestion, account, token) in chosen)
            {
                try { await email.SendAsync(Mail(request, suggestion, account, links.To($"Invitations/{token}")), ct); }
                catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Invitation to {Volunteer} was not sent.", account.Id); }
            }
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
            var text = $"Guten Tag {a.Name},\n\neine neue Anfrage könnte gut zu Ihnen passen: {what}.\n{why}\n\n" +
                       $"Wenn Sie helfen möchten, übernehmen Sie sie hier (Anmeldung nötig, der Link gilt einmal):\n{link}\n\n" +
                       "Ihre Digitale Hilfe Kaiserslautern\n\nEinladungen abbestellen oder begrenzen: in Ihrem Profil.";
            var e = (string x) => System.Net.WebUtility.HtmlEncode(x);
            var html = $"<p>Guten Tag {e(a.Name)},</p><p>eine neue Anfrage könnte gut zu Ihnen passen: <strong>{e(what)}</strong>.</p>" +
                       $"<p>{e(why)}</p><p><a href=\"{e(link)}\">Ich übernehme das</a></p><p>Ihre Digitale Hilfe Kaiserslautern</p>" +
                       "<p><small>Einladungen abbestellen oder begrenzen: in Ihrem Profil.</small></p>";
            return new EmailMessage(a.Email, $"Neue Anfrage: {catalog.TopicLabel(r.Topic)} in {catalog.DistrictLabel(r.District)}", text, html);
        }
    }
}
