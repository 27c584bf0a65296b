using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using FluentValidation;
using Marten;
using Mediator;

namespace DigitaleHilfe.Web.Features.Intake;

// An operator logs a call while the senior is on the line: one new request stream, one number.
public static class LogCall
{
    public sealed record Command : ICommand<Result>
    {
        public string CallerName { get; init; } = "";
        public string Phone { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Description { get; init; } = "";
        public string District { get; init; } = "";
        public string HelpMode { get; init; } = "";
    }

    public sealed record Result(Guid Id, string Number, RequestStatus Status, long Version);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(Catalog.Catalog catalog)
        {
            RuleFor(c => c.CallerName).NotEmpty().WithMessage("Bitte geben Sie den Namen der anrufenden Person an.")
                .MaximumLength(InputRules.ShortText).WithMessage($"Der Name darf höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.Phone).NotEmpty().WithMessage("Bitte geben Sie eine Telefonnummer für den Rückruf an.")
                .Must(PhoneNumbers.LooksDiallable!).When(c => !string.IsNullOrWhiteSpace(c.Phone), ApplyConditionTo.CurrentValidator)
                .WithMessage("Die Telefonnummer ist ungültig. Erlaubt sind Ziffern, Leerzeichen und + / ( ) - (mindestens 6 Ziffern).");
            RuleFor(c => c.Topic).Must(catalog.IsTopic).WithMessage("Bitte wählen Sie ein Thema aus der Liste.");
            RuleFor(c => c.Description).NotEmpty().WithMessage("Bitte beschreiben Sie kurz, wobei die Person Hilfe braucht.")
                .MaximumLength(InputRules.LongText).WithMessage($"Die Beschreibung darf höchstens {InputRules.LongText} Zeichen lang sein.");
            RuleFor(c => c.District).Must(catalog.IsDistrict).WithMessage("Bitte wählen Sie einen Stadtteil aus der Liste.");
            RuleFor(c => c.HelpMode).Must(catalog.IsHelpMode).WithMessage("Bitte wählen Sie aus, wie geholfen werden soll.");
        }
    }

    // Pure: what a valid call becomes. Text is tidied here so every reader sees the same value.
    public static HelpRequestLogged Decide(Guid requestId, string number, Command c, string loggedBy, DateTimeOffset now) =>
        new(requestId, number, c.CallerName.Trim(), PhoneNumbers.Tidy(c.Phone), c.Topic, c.Description.Trim(),
            c.District, c.HelpMode, loggedBy, now);

    public sealed class Handler(IDocumentSession session, RequestNumbers numbers, ICurrentUser user, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var number = await numbers.NextAsync(now, cancellationToken);
            var logged = Decide(Guid.CreateVersion7(now), number, command, user.Name, now);

            session.Events.StartStream<HelpRequest>(logged.RequestId, logged);
            await session.SaveChangesAsync(cancellationToken);
            return new Result(logged.RequestId, number, RequestStatus.Open, Version: 1);
        }
    }
}
