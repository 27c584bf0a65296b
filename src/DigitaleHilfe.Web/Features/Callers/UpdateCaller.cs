using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Callers;

// The hotline corrects or completes what is known about a senior: name, address, email, contact
// person, notes, another phone number, the language, and volunteers the senior does not want again.
public static class UpdateCaller
{
    public sealed record Command : ICommand<bool>
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

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte geben Sie einen Namen an.").MaximumLength(InputRules.ShortText);
            RuleFor(c => c.Address).MaximumLength(InputRules.ShortText);
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
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

    // False when there is no such caller.
    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken ct)
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

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
