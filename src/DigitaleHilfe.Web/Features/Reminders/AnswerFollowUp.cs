using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Reminders;

// The senior answers "Hat alles geklappt?" from the link in the follow-up email. No account: the
// single-use link is the permission. "Braucht noch Hilfe" puts a call on the hotline's list.
public static class AnswerFollowUp
{
    public sealed record Command : ICommand<string?>
    {
        public string Token { get; init; } = "";
        public bool? AllGood { get; init; }
        public string? Comment { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AllGood).NotNull().WithMessage("Bitte wählen Sie eine Antwort.");
            RuleFor(c => c.Comment).MaximumLength(InputRules.ShortText).WithMessage($"Bitte schreiben Sie höchstens {InputRules.ShortText} Zeichen.");
        }
    }

    public static async Task<(FollowUpLink Link, HelpRequest Request)?> FindAsync(IQuerySession session, string? token, DateTimeOffset now, CancellationToken ct)
    {
        if (await Shared.SingleUseLinks.FindAsync<FollowUpLink>(session, token, now, ct) is not { } link) return null;
        return await session.LoadAsync<HelpRequest>(link.RequestId, ct) is { } request ? (link, request) : null;
    }

    // One answer per follow-up: the first one counts, a second (another tab, a double click, the phone
    // and the link at once) is told that the answer is already there.
    public static Decision Decide(HelpRequest request, bool allGood, string? comment, string channel, string by, DateTimeOffset now) =>
        request.FollowUpAllGood is not null
            ? Decision.AlreadyDone
            : Decision.Append(new FollowUpAnswered(request.Id, allGood, comment, channel, by, now));

    public const string AlreadyAnswered = "Vielen Dank – Ihre Antwort liegt uns bereits vor.";

    // Null when recorded; otherwise why not, in German.
    public sealed class Handler(IDocumentSession session, TimeProvider clock, OfficeHours hours) : ICommandHandler<Command, string?>
    {
        public async ValueTask<string?> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            if (await FindAsync(session, command.Token, now, ct) is not var (link, request))
                return "Dieser Link ist nicht mehr gültig – vielleicht haben Sie schon geantwortet.";
            var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
            var result = await RequestWrites.WriteAsync(session, request.Id, null,
                current => Task.FromResult(Decide(current, command.AllGood!.Value, comment, "E-Mail", "die Person selbst", now)), ct,
                alongside: (s, current) =>
                {
                    s.Store(link with { UsedAt = now });
                    if (command.AllGood == false && current.CallerId is { } callerId)
                        s.Store(CallbackTask.For(callerId, current, hours.NextOpen(now),
                            $"Braucht laut Antwort auf die Nachfrage noch Hilfe{(comment is null ? "" : $": {comment}")}", "System", now));
                });
            return result.Kind == WriteKind.Done ? null : AlreadyAnswered;
        }
    }
}
