using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using FluentValidation;

namespace DigitaleHilfe.Web.Features.Towns;

// The network admin adds a town and invites its first admin, who sets up everything else of the town (Admin →
// "Ort", accounts). The invitation goes out in the new town's name, with a link to the town's own address.
public static class AddTown
{
    public sealed record Command : ICommand<Result>, ITownContact
    {
        public string? Id { get; init; }
        public string? Name { get; init; }
        // Host names, one per line (or separated by spaces or commas).
        public string? Hosts { get; init; }
        public string? HotlinePhone { get; init; }
        public string? SenderName { get; init; }
        public string? SenderAddress { get; init; }
        public string? AdminName { get; init; }
        public string? AdminEmail { get; init; }

        public IReadOnlyList<string> HostList() =>
            (Hosts ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(h => h.ToLowerInvariant()).Distinct().ToList();
    }

    // Refused: which field, and why (the town's rules, checked against the towns stored now).
    public sealed record Result(string? Field = null, string? Problem = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(Microsoft.Extensions.Options.IOptions<TenancyOptions> tenancy)
        {
            RuleFor(c => c.Id).NotEmpty().WithMessage("Bitte geben Sie eine Kennung an, etwa „kus“ für Kusel.");
            Include(new TownContactRules<Command>());
            RuleFor(c => c.Name).NotEmpty().WithMessage("Bitte geben Sie den Namen an, unter dem der Ort auftritt.");
            // Told apart by path (/kus/…), a town needs no host name of its own.
            RuleFor(c => c.Hosts).NotEmpty().When(_ => tenancy.Value.Resolution == TownResolutionMode.Host)
                .WithMessage("Bitte nennen Sie mindestens eine Adresse (Hostname), unter der der Ort erreichbar ist.");
            RuleFor(c => c.Hosts).MaximumLength(1000).WithMessage("Höchstens 1.000 Zeichen.");
            RuleFor(c => c.AdminName).NotEmpty().WithMessage("Bitte geben Sie den Namen der Person an, die den Ort verwaltet.")
                .MaximumLength(Infrastructure.Validation.InputRules.ShortText).WithMessage($"Der Name darf höchstens {Infrastructure.Validation.InputRules.ShortText} Zeichen lang sein.");
            RuleFor(c => c.AdminEmail).NotEmpty().WithMessage("Bitte geben Sie die E-Mail-Adresse der Person an, die den Ort verwaltet.")
                .MaximumLength(254).WithMessage("Die E-Mail-Adresse ist zu lang.")
                .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }
    }

    public sealed class Handler(IDocumentStore store, Npgsql.NpgsqlDataSource database, TownDirectory towns, TimeProvider clock, IServiceScopeFactory scopes) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var town = new Town(command.Id!.Trim().ToLowerInvariant(), command.Name!.Trim(), command.HostList(), TownEdits.Blank(command.HotlinePhone),
                TownEdits.Blank(command.SenderName), TownEdits.Blank(command.SenderAddress)?.ToLowerInvariant(), clock.GetUtcNow());
            if (await TownRules.AddAsync(store, database, towns, town, ct) is { } refusal) return new Result(refusal.Field, refusal.Message);

            // In the new town: its session, its audit log, and the invitation job carries the town (TownJobFilter).
            using var inTown = TownContext.Enter(town.Id);
            await using var scope = scopes.CreateAsyncScope();
            var problem = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new InviteStaff.Command { Email = command.AdminEmail!, Name = command.AdminName!, Roles = [Role.Admin] }, ct);
            return problem is null ? new Result() : new Result(nameof(Command.AdminEmail), problem);
        }
    }
}
