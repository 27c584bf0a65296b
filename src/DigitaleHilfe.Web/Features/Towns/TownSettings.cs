using DigitaleHilfe.Web.Infrastructure.Tenancy;
using FluentValidation;

namespace DigitaleHilfe.Web.Features.Towns;

// A town's admin keeps the town's own details: the name pages and mails show, the hotline number, and whom mail
// comes from. Empty hotline or sender: the installation's (Service:HotlinePhone, Smtp:From) apply.
public static class TownSettings
{
    public sealed record Command : ICommand<Unit>
    {
        public string? Name { get; init; }
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
            RuleFor(c => c.Name).MaximumLength(100).WithMessage("Der Name hat höchstens 100 Zeichen.");
            RuleFor(c => c.HotlinePhone).MaximumLength(40).WithMessage("Die Hotline-Nummer hat höchstens 40 Zeichen.")
                .Matches(@"^[0-9+()/ \-]*$").WithMessage("Die Hotline-Nummer besteht aus Ziffern, Leerzeichen und + ( ) / -.");
            RuleFor(c => c.SenderName).MaximumLength(100).WithMessage("Der Absendername hat höchstens 100 Zeichen.");
            RuleFor(c => c.SenderAddress).EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.")
                .MaximumLength(200).WithMessage("Die Adresse hat höchstens 200 Zeichen.");
            RuleFor(c => c.SenderName).Empty().When(c => string.IsNullOrWhiteSpace(c.SenderAddress))
                .WithMessage("Ein Absendername braucht auch eine Absenderadresse.");
            foreach (var hours in new System.Linq.Expressions.Expression<Func<Command, int?>>[]
                     {
                         c => c.AppointmentReminderBeforeHours, c => c.UnclaimedEscalationAfterHours, c => c.UnclaimedWidenAfterHours, c => c.StaleClaimNudgeAfterHours,
                         c => c.ClaimExpiresAfterNudgeHours, c => c.MissingOutcomeAfterHours, c => c.FollowUpAfterHours,
                     })
                RuleFor(hours).InclusiveBetween(1, MostHours).WithMessage($"Bitte geben Sie zwischen 1 und {MostHours} Stunden (90 Tage) an, oder lassen Sie das Feld leer.");
        }
    }

    public sealed class Handler(IDocumentStore store, TownDirectory towns) : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var id = TownContext.Id ?? towns.All.Single().Id;
            await using var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true });
            var town = await session.LoadAsync<Town>(id, ct) ?? throw new InvalidOperationException($"Town {id} is gone.");
            session.Store(town with
            {
                Name = Blank(command.Name), HotlinePhone = Blank(command.HotlinePhone),
                SenderName = Blank(command.SenderName), SenderAddress = Blank(command.SenderAddress)?.ToLowerInvariant(),
                Reminders = command.Delays(),
            });
            await session.SaveChangesAsync(ct);
            await towns.RefreshAsync(ct);
            return Unit.Value;
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
