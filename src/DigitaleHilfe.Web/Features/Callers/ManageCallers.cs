using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Callers;

public static class ManageCallers
{
    public sealed record Update : ICommand<bool>
    {
        public Guid CallerId { get; init; }
        public string Name { get; init; } = "";
        public string? Address { get; init; }
        public string? Email { get; init; }
        public string? ContactPerson { get; init; }
        public string? Notes { get; init; }
        public string? AddPhone { get; init; }
        public string? Language { get; init; }
        public List<Guid> NotAgain { get; init; } = [];
    }

    // The duplicate's requests move to the survivor, each move an event on the request; the duplicate
    // stays as a pointer (MergedInto) so an old link or number still leads to the right person.
    public sealed record Merge(Guid SurvivorId, Guid DuplicateId) : ICommand<string?>;

    public sealed record Search(string Term) : IQuery<IReadOnlyList<Caller>>;

    public sealed class UpdateValidator : AbstractValidator<Update>
    {
        public UpdateValidator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte geben Sie einen Namen an.").MaximumLength(InputRules.ShortText);
            RuleFor(c => c.Address).MaximumLength(InputRules.ShortText);
            RuleFor(c => c.Email).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
            RuleFor(c => c.ContactPerson).MaximumLength(InputRules.ShortText);
            RuleFor(c => c.Notes).MaximumLength(InputRules.LongText);
            RuleFor(c => c.Language).Matches("^[a-z]{2}$").When(c => !string.IsNullOrWhiteSpace(c.Language))
                .WithMessage("Bitte geben Sie die Sprache als Kürzel an, z. B. tr, ru, ar.");
            RuleFor(c => c.AddPhone).Custom((phone, context) =>
            {
                if (!string.IsNullOrWhiteSpace(phone) && Phones.Normalise(phone).Problem is { } problem) context.AddFailure(problem);
            });
        }
    }

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) :
        ICommandHandler<Update, bool>, ICommandHandler<Merge, string?>, IQueryHandler<Search, IReadOnlyList<Caller>>
    {
        public async ValueTask<bool> Handle(Update command, CancellationToken ct)
        {
            if (await session.LoadAsync<Caller>(command.CallerId, ct) is not { } caller) return false;
            var phones = caller.Phones.ToList();
            if (Phones.Normalise(command.AddPhone).E164 is { } added && !phones.Contains(added)) phones.Add(added);
            session.Store((caller with
            {
                Name = command.Name.Trim(), Address = Blank(command.Address), Email = Blank(command.Email),
                ContactPerson = Blank(command.ContactPerson), Notes = Blank(command.Notes), Phones = phones,
                Language = Blank(command.Language)?.ToLowerInvariant(), NotAgain = command.NotAgain.Distinct().ToList(),
            }).WithSearchText());
            await session.SaveChangesAsync(ct);
            return true;
        }

        public async ValueTask<string?> Handle(Merge command, CancellationToken ct)
        {
            if (command.SurvivorId == command.DuplicateId) return "Eine Person kann nicht mit sich selbst zusammengeführt werden.";
            var survivor = await session.LoadAsync<Caller>(command.SurvivorId, ct);
            var duplicate = await session.LoadAsync<Caller>(command.DuplicateId, ct);
            if (survivor is null || duplicate is null) return "Diese Person gibt es nicht.";
            if (survivor.MergedInto is not null || duplicate.MergedInto is not null) return "Dieser Eintrag wurde schon zusammengeführt.";

            var now = clock.GetUtcNow();
            var requests = await session.Query<HelpRequest>().Where(r => r.CallerId == duplicate.Id).ToListAsync(ct);
            foreach (var request in requests)
                session.Events.Append(request.Id, new RequestMovedToCaller(request.Id, duplicate.Id, survivor.Id, user.Name, now));

            session.Store((survivor with
            {
                Phones = survivor.Phones.Union(duplicate.Phones).ToList(),
                Notes = string.Join("\n", new[] { survivor.Notes, duplicate.Notes }.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct()),
                Address = survivor.Address ?? duplicate.Address, Email = survivor.Email ?? duplicate.Email,
                ContactPerson = survivor.ContactPerson ?? duplicate.ContactPerson,
            }).WithSearchText());
            session.Store(duplicate with { MergedInto = survivor.Id, Phones = [], SearchText = "" });
            await session.SaveChangesAsync(ct);
            return null;
        }

        public async ValueTask<IReadOnlyList<Caller>> Handle(Search query, CancellationToken ct)
        {
            var terms = SearchTerms.For(query.Term);
            if (terms.Count == 0) return [];
            IQueryable<Caller> callers = session.Query<Caller>().Where(c => c.MergedInto == null);
            foreach (var term in terms) callers = callers.Where(c => c.SearchText.Contains(term));
            return await callers.OrderBy(c => c.Name).Take(50).ToListAsync(ct);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
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
