using FluentValidation;

namespace DigitaleHilfe.Web.Features.Towns;

// A town's admin keeps the town's own details: the name pages and mails show, its logo text and colours, the hotline
// number, whom mail comes from, the consent wording operators read out, how long seniors' data is kept and the
// reminder delays. Empty fields: the installation's apply.
public static class TownSettings
{
    public sealed record Command : ICommand<TownEdits.Outcome>, ITownContact
    {
        public int Revision { get; init; }
        public string? Name { get; init; }
        public string? LogoText { get; init; }
        public string? Palette { get; init; }
        public string? ConsentText { get; init; }
        public int? RetentionMonths { get; init; }
        public string? HotlinePhone { get; init; }
        public string? SenderName { get; init; }
        public string? SenderAddress { get; init; }
        // Reminder delays in whole hours; empty: the installation's.
        public int? AppointmentReminderBeforeHours { get; init; }
        public int? UnclaimedEscalationAfterHours { get; init; }
        public int? UnclaimedWidenAfterHours { get; init; }
        public int? StaleClaimNudgeAfterHours { get; init; }
        public int? ClaimExpiresAfterNudgeHours { get; init; }
        public int? MissingOutcomeAfterHours { get; init; }
        public int? FollowUpAfterHours { get; init; }

        public TownReminderDelays? Delays()
        {
            static TimeSpan? H(int? hours) => hours is { } h ? TimeSpan.FromHours(h) : null;
            var delays = new TownReminderDelays(H(AppointmentReminderBeforeHours), H(UnclaimedEscalationAfterHours), H(UnclaimedWidenAfterHours),
                H(StaleClaimNudgeAfterHours), H(ClaimExpiresAfterNudgeHours), H(MissingOutcomeAfterHours), H(FollowUpAfterHours));
            return delays == new TownReminderDelays() ? null : delays;
        }

        public static Command Of(Town town)
        {
            static int? H(TimeSpan? span) => span is { } s ? (int)s.TotalHours : null;
            var d = town.Reminders ?? new TownReminderDelays();
            return new Command
            {
                Revision = town.Revision, LogoText = town.LogoText, Palette = town.Palette ?? TownPalettes.Default,
                ConsentText = town.Consent?.Text, RetentionMonths = town.RetentionMonths,
                Name = town.Name, HotlinePhone = town.HotlinePhone, SenderName = town.SenderName, SenderAddress = town.SenderAddress,
                AppointmentReminderBeforeHours = H(d.AppointmentReminderBefore), UnclaimedEscalationAfterHours = H(d.UnclaimedEscalationAfter),
                UnclaimedWidenAfterHours = H(d.UnclaimedWidenAfter), StaleClaimNudgeAfterHours = H(d.StaleClaimNudgeAfter),
                ClaimExpiresAfterNudgeHours = H(d.ClaimExpiresAfterNudge), MissingOutcomeAfterHours = H(d.MissingOutcomeAfter), FollowUpAfterHours = H(d.FollowUpAfter),
            };
        }
    }

    // Each delay with what the form calls it; a delay is between one hour and 90 days.
    public static readonly (string Field, string Label)[] DelayFields =
    [
        (nameof(Command.AppointmentReminderBeforeHours), "Erinnerung an den Termin, so viele Stunden vorher"),
        (nameof(Command.UnclaimedEscalationAfterHours), "Koordination informieren, wenn niemand übernimmt, nach Stunden"),
        (nameof(Command.UnclaimedWidenAfterHours), "Weitere Helfende einladen nach Stunden"),
        (nameof(Command.StaleClaimNudgeAfterHours), "Helfende erinnern, wenn nach der Übernahme kein Termin folgt, nach Stunden"),
        (nameof(Command.ClaimExpiresAfterNudgeHours), "Übernahme verfällt so viele Stunden nach dieser Erinnerung"),
        (nameof(Command.MissingOutcomeAfterHours), "Nach dem Ergebnis fragen, so viele Stunden nach dem Termin"),
        (nameof(Command.FollowUpAfterHours), "Nachfrage bei der Seniorin oder dem Senior, so viele Stunden nach dem Abschluss"),
    ];

    public const int MostHours = 90 * 24;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new TownContactRules<Command>());
            RuleFor(c => c.LogoText).MaximumLength(40).WithMessage("Der Schriftzug hat höchstens 40 Zeichen, damit er auch auf dem Telefon in eine Zeile passt.");
            RuleFor(c => c.Palette).Must(p => p is null || TownPalettes.All.Any(x => x.Id == p)).WithMessage("Bitte wählen Sie eine der Farben.");
            RuleFor(c => c.ConsentText).Length(40, 2000).When(c => !string.IsNullOrWhiteSpace(c.ConsentText))
                .WithMessage("Der Text der Einwilligung hat 40 bis 2.000 Zeichen, oder Sie lassen das Feld leer.");
            RuleFor(c => c.RetentionMonths).InclusiveBetween(1, 120).WithMessage("Bitte geben Sie zwischen 1 und 120 Monaten an, oder lassen Sie das Feld leer.");
            foreach (var hours in new System.Linq.Expressions.Expression<Func<Command, int?>>[]
                     {
                         c => c.AppointmentReminderBeforeHours, c => c.UnclaimedEscalationAfterHours, c => c.UnclaimedWidenAfterHours, c => c.StaleClaimNudgeAfterHours,
                         c => c.ClaimExpiresAfterNudgeHours, c => c.MissingOutcomeAfterHours, c => c.FollowUpAfterHours,
                     })
                RuleFor(hours).InclusiveBetween(1, MostHours).WithMessage($"Bitte geben Sie zwischen 1 und {MostHours} Stunden (90 Tage) an, oder lassen Sie das Feld leer.");
        }
    }

    public sealed class Handler(IDocumentStore store, TownDirectory towns, TimeProvider clock) : ICommandHandler<Command, TownEdits.Outcome>
    {
        public async ValueTask<TownEdits.Outcome> Handle(Command command, CancellationToken ct) =>
            await TownEdits.SaveAsync(store, towns, command.Revision, town => Apply(town, command, clock.GetUtcNow()), ct);
    }

    public static Town Apply(Town town, Command command, DateTimeOffset now)
    {
        var (consent, earlier) = Consents(town, OneParagraph(command.ConsentText), now);
        return town with
        {
            Name = TownEdits.Blank(command.Name), LogoText = TownEdits.Blank(command.LogoText),
            Palette = command.Palette is null or TownPalettes.Default ? null : command.Palette,
            HotlinePhone = TownEdits.Blank(command.HotlinePhone),
            SenderName = TownEdits.Blank(command.SenderName), SenderAddress = TownEdits.Blank(command.SenderAddress)?.ToLowerInvariant(),
            Consent = consent, EarlierConsents = earlier, RetentionMonths = command.RetentionMonths,
            Reminders = command.Delays(),
        };
    }

    // A changed wording is a new numbered wording; the one it replaces is kept, since consents recorded under it
    // still name it. Emptying the field returns to the installation's wording (the town's last one is kept too).
    private static (TownConsent?, IReadOnlyList<TownConsent>?) Consents(Town town, string? text, DateTimeOffset now)
    {
        if (text == town.Consent?.Text) return (town.Consent, town.EarlierConsents);
        var earlier = town.Consent is { } current ? [.. town.EarlierConsents ?? [], current] : town.EarlierConsents;
        var number = (earlier ?? []).Select(c => c.Number).DefaultIfEmpty(0).Max() + 1;
        return (text is null ? null : new TownConsent(number, text, now), earlier);
    }

    // Read out on the phone: one paragraph, whatever line breaks the text field carried.
    private static string? OneParagraph(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s+", " ");
}
