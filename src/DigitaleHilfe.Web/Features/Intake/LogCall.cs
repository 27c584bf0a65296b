using DigitaleHilfe.Web.Features.Callers;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Infrastructure;
using DigitaleHilfe.Web.Infrastructure.Validation;
using JasperFx;

namespace DigitaleHilfe.Web.Features.Intake;

// An operator logs a call while the senior is on the line: the caller is found by phone number (or
// created), and a new request stream starts with the request and the senior's consent.
public static class LogCall
{
    public sealed record Command : ICommand<Result>
    {
        public string Phone { get; init; } = "";
        public Guid? CallerId { get; init; }           // set when the form recognised a returning caller
        public string CallerName { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Description { get; init; } = "";
        public string? Summary { get; init; }
        public string District { get; init; } = "";
        public string HelpMode { get; init; } = "";
        public string? PreferredTimes { get; init; }
        public bool Urgent { get; init; }
        // Optional, stored with the caller (personal data, shown like the phone number); a home visit needs the address.
        public string? Address { get; init; }
        public string? Email { get; init; }
        public bool Consent { get; init; }
        // The API's Idempotency-Key header, or the intake form's own token: the same key (per account)
        // answers with the request logged the first time instead of logging it again.
        public string? IdempotencyKey { get; init; }
        // Which way the request came in (statistics): set by the endpoint, never by the client.
        [System.Text.Json.Serialization.JsonIgnore, Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string Channel { get; init; } = RequestChannels.Hotline;
    }

    public sealed record Result(Guid Id, string Number, RequestStatus Status, long Version, Guid CallerId);

    public const int SummaryLength = 120;
    public const string NeedsAddress = "Für einen Hausbesuch brauchen wir die Adresse. Bitte fragen Sie die Person danach.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(Catalog.Catalog catalog)
        {
            RuleFor(c => c.Phone).Custom((phone, context) =>
            {
                if (Phones.Normalise(phone).Problem is { } problem) context.AddFailure(problem);
            });
            RuleFor(c => c.CallerName).NotEmpty().When(c => c.CallerId is null)
                .WithMessage("Bitte geben Sie den Namen der anrufenden Person an.")
                .MaximumLength(InputRules.ShortText).WithMessage($"Der Name darf höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.Topic).Must(catalog.IsTopic).WithMessage("Bitte wählen Sie ein Thema aus der Liste.");
            RuleFor(c => c.Description).NotEmpty().WithMessage("Bitte beschreiben Sie kurz, wobei die Person Hilfe braucht.")
                .MaximumLength(InputRules.LongText).WithMessage($"Die Beschreibung darf höchstens {InputRules.LongText} Zeichen lang sein.");
            RuleFor(c => c.Summary).MaximumLength(SummaryLength).WithMessage($"Die Kurzbeschreibung darf höchstens {SummaryLength} Zeichen lang sein.");
            RuleFor(c => c.District).Must(catalog.IsDistrict).WithMessage("Bitte wählen Sie einen Stadtteil aus der Liste.");
            RuleFor(c => c.HelpMode).Must(catalog.IsHelpMode).WithMessage("Bitte wählen Sie aus, wie geholfen werden soll.");
            RuleFor(c => c.Address).MaximumLength(InputRules.ShortText).WithMessage($"Die Adresse darf höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.Address).NotEmpty().When(c => c.CallerId is null && catalog.IsAtHome(c.HelpMode))
                .WithMessage(NeedsAddress);
            RuleFor(c => c.Email).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an (oder lassen Sie das Feld leer).");
            RuleFor(c => c.PreferredTimes).MaximumLength(InputRules.ShortText)
                .WithMessage($"Die Wunschzeiten dürfen höchstens {InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.IdempotencyKey).Must(k => k is null || (k.Length is > 0 and <= 100 && k.All(ch => ch is > ' ' and < (char)127)))
                .WithMessage("Der Idempotency-Key muss 1 bis 100 sichtbare ASCII-Zeichen lang sein.");
            RuleFor(c => c.Consent).Equal(true)
                .WithMessage("Ohne Einwilligung dürfen wir nichts speichern. Bitte lesen Sie den Einwilligungstext vor und fragen Sie, ob die Person einverstanden ist.");
        }
    }

    // Pure: what a valid call becomes, for a caller already resolved.
    public static object[] Decide(Guid requestId, string number, Guid callerId, Command c, string loggedBy, DateTimeOffset now, string consentVersion) =>
    [
        new HelpRequestOpened(requestId, number, callerId, c.Topic, c.Description.Trim(), c.District, c.HelpMode,
            string.IsNullOrWhiteSpace(c.PreferredTimes) ? null : c.PreferredTimes.Trim(), c.Urgent, loggedBy, now,
            string.IsNullOrWhiteSpace(c.Summary) ? null : c.Summary.Trim(), c.Channel),
        new ConsentRecorded(requestId, callerId, consentVersion, loggedBy, now),
    ];

    // What the operator typed replaces what was stored; an empty field keeps it.
    private static Caller WithContact(Caller caller, Command c) => caller with
    {
        Address = string.IsNullOrWhiteSpace(c.Address) ? caller.Address : c.Address.Trim(),
        Email = string.IsNullOrWhiteSpace(c.Email) ? caller.Email : c.Email.Trim(),
    };

    public sealed class Handler(
        IDocumentSession session, RequestNumbers numbers, ICurrentUser user, TimeProvider clock, Catalog.Catalog catalog,
        Microsoft.Extensions.Options.IOptions<Privacy.PrivacyOptions> privacy, Towns.TownDirectory towns)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            // One connection for the whole intake (receipt, caller, number, the save): each statement on a connection of its
            // own cost the database a pool reset per statement, a third of an intake's work (docs/performance.md).
            await session.BeginTransactionAsync(cancellationToken);
            var receiptId = command.IdempotencyKey is { } key ? IntakeReceipt.IdFor(user.Id, key) : null;
            if (receiptId is not null && await session.LoadAsync<IntakeReceipt>(receiptId, cancellationToken) is { } earlier) return earlier.Result;

            var now = clock.GetUtcNow();
            var phone = Phones.Normalise(command.Phone).E164!;
            var (stored, caller) = await CallerDirectory.ResolveAsync(session, command.CallerId, phone, command.CallerName, now, cancellationToken);
            caller = WithContact(caller, command).WithSearchText();
            if (catalog.IsAtHome(command.HelpMode) && string.IsNullOrWhiteSpace(caller.Address))
                throw new InputValidationException(new Dictionary<string, string[]> { [nameof(Command.Address)] = [NeedsAddress] });
            // A returning caller whom nothing new was learned about is not written again.
            if (caller != stored) session.Store(caller);

            var number = await numbers.NextAsync(now, session.Connection, cancellationToken);
            var id = Guid.CreateVersion7(now);
            session.Events.StartStream<HelpRequest>(id, Decide(id, number, caller.Id, command, user.Name, now, ConsentText.Current(towns.ForWork(), privacy.Value.RetentionMonths).Version));
            var result = new Result(id, number, RequestStatus.Open, Version: 2, caller.Id);
            // Inserted in the same transaction: of two sends with one key at the same moment, the second
            // fails on the receipt (and writes nothing) and answers with the first one's result.
            if (receiptId is not null) session.Insert(new IntakeReceipt { Id = receiptId, Result = result, At = now });
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (DocumentAlreadyExistsException) when (receiptId is not null)
            {
                await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
                return (await fresh.LoadAsync<IntakeReceipt>(receiptId, cancellationToken))!.Result;
            }
            return result;
        }
    }
}

// The answer to an intake sent with an idempotency key, kept so a resend gets the same answer.
public sealed record IntakeReceipt
{
    public string Id { get; init; } = "";
    public LogCall.Result Result { get; init; } = null!;
    public DateTimeOffset At { get; init; }

    public static string IdFor(Guid? accountId, string key) => $"{accountId ?? Guid.Empty:N}/{key}";
}
