using System.Globalization;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Volunteers;

// A volunteer says what they can help with, where, how, how much, and when not at all.
public static class UpdateProfile
{
    public sealed record Command : ICommand<Unit>
    {
        public List<string> Topics { get; init; } = [];
        public List<string> Districts { get; init; } = [];
        public List<string> Languages { get; init; } = ["de"];
        public List<string> HelpModes { get; init; } = [];
        public int Capacity { get; init; } = VolunteerProfile.DefaultCapacity;
        public List<AvailabilitySlot>? Availability { get; init; }
        public DateOnly? PausedUntil { get; init; }
        public int? MaxInvitationsPerDay { get; init; }
        // Left out: all reminder emails, as before there was a choice.
        public VolunteerEmails? Emails { get; init; }
    }

    private static readonly HashSet<string> IsoLanguages = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName).Where(code => code.Length == 2).ToHashSet(StringComparer.Ordinal);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(Catalog.Catalog catalog)
        {
            RuleFor(c => c.Topics).NotEmpty().WithMessage("Bitte wählen Sie mindestens ein Thema.");
            RuleForEach(c => c.Topics).Must(v => v is not null).WithMessage("Ein Eintrag ist leer.").Must(catalog.IsTopic).WithMessage("„{PropertyValue}“ ist kein Thema aus dem Katalog.");
            RuleFor(c => c.Districts).NotEmpty().WithMessage("Bitte wählen Sie mindestens einen Stadtteil.");
            RuleForEach(c => c.Districts).Must(v => v is not null).WithMessage("Ein Eintrag ist leer.").Must(catalog.IsDistrict).WithMessage("„{PropertyValue}“ ist kein Stadtteil aus dem Katalog.");
            RuleFor(c => c.HelpModes).NotEmpty().WithMessage("Bitte wählen Sie mindestens eine Art zu helfen.");
            RuleForEach(c => c.HelpModes).Must(v => v is not null).WithMessage("Ein Eintrag ist leer.").Must(catalog.IsHelpMode).WithMessage("„{PropertyValue}“ ist keine Hilfeform aus dem Katalog.");
            RuleFor(c => c.Languages).NotEmpty().WithMessage("Bitte geben Sie mindestens eine Sprache an.");
            RuleForEach(c => c.Languages).Must(l => l is not null && IsoLanguages.Contains(l))
                .WithMessage("„{PropertyValue}“ ist kein Sprachcode nach ISO 639-1 (z. B. de, en, tr).");
            RuleFor(c => c.Capacity).InclusiveBetween(1, 20).WithMessage("Bitte geben Sie zwischen 1 und 20 Anfragen an.");
            RuleFor(c => c.MaxInvitationsPerDay).InclusiveBetween(0, 20).When(c => c.MaxInvitationsPerDay is not null)
                .WithMessage("Einladungen pro Tag: 0 (keine) bis 20.");
            RuleForEach(c => c.Availability).NotNull().WithMessage("Eine Zeitspanne fehlt oder ist leer.")
                .Must(s => s is null || s.From < s.To).WithMessage("Bei einer Zeitspanne muss „von“ vor „bis“ liegen.")
                .Must(s => s is null || Enum.IsDefined(s.Day)).WithMessage("Bitte geben Sie einen Wochentag an.");
            RuleFor(c => c.PausedUntil).PlausibleDate();
        }
    }

    public sealed class Handler(IDocumentSession session, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var id = user.Id ?? throw new InvalidOperationException("A profile belongs to a signed-in volunteer.");
            session.Events.Append(id, new VolunteerProfileUpdated(id, Clean(c.Topics), Clean(c.Districts),
                Clean(c.Languages.Select(l => l.Trim().ToLowerInvariant())), Clean(c.HelpModes), c.Capacity,
                c.Availability ?? [], c.PausedUntil, user.Name, clock.GetUtcNow(), c.MaxInvitationsPerDay, c.Emails ?? VolunteerEmails.All));
            await session.SaveChangesAsync(ct);
            return Unit.Value;
        }

        private static List<string> Clean(IEnumerable<string> values) => values.Distinct().Order().ToList();
    }
}
