using DigitaleHilfe.Web.Features.Catalog;
using DigitaleHilfe.Web.Features.Matching;
using FluentValidation;

namespace DigitaleHilfe.Web.Features.Towns;

// A town's own topics, districts with their neighbours, and matching weights. Each list is a text field, one entry
// per line (CatalogLines); empty: the installation's list. Ids stay as written, so rewording a label keeps old
// requests and volunteer profiles under the same entry.
public static class TownChoices
{
    public sealed record Command : ICommand<TownEdits.Outcome>
    {
        public int Revision { get; init; }
        public string? Topics { get; init; }
        public string? Districts { get; init; }
        public string? Neighbours { get; init; }
        public int? TopicWeight { get; init; }
        public int? DistrictWeight { get; init; }
        public int? LanguageWeight { get; init; }
        public int? AvailabilityWeight { get; init; }
        public int? WorkloadWeight { get; init; }
        public int? FairnessWeight { get; init; }
        public int? ContinuityWeight { get; init; }
        public int? ReliabilityWeight { get; init; }

        public TownWeights? Weights()
        {
            var w = new TownWeights(TopicWeight, DistrictWeight, LanguageWeight, AvailabilityWeight, WorkloadWeight, FairnessWeight, ContinuityWeight, ReliabilityWeight);
            return w == new TownWeights() ? null : w;
        }

        public static Command Of(Town town)
        {
            var w = town.Weights ?? new TownWeights();
            return new Command
            {
                Revision = town.Revision,
                Topics = town.Lists?.Topics is { } t ? CatalogLines.Format(t) : null,
                Districts = town.Lists?.Districts is { } d ? CatalogLines.Format(d) : null,
                Neighbours = town.Lists?.Neighbours is { } n ? CatalogLines.Format(n) : null,
                TopicWeight = w.Topic, DistrictWeight = w.District, LanguageWeight = w.Language, AvailabilityWeight = w.Availability,
                WorkloadWeight = w.Workload, FairnessWeight = w.Fairness, ContinuityWeight = w.Continuity, ReliabilityWeight = w.Reliability,
            };
        }
    }

    public const int MostWeight = 100;

    // Each weight with what the form calls it and what it rewards.
    public static readonly (string Field, string Label, Func<MatchingOptions, double> Installation)[] WeightFields =
    [
        (nameof(Command.TopicWeight), "Kennt sich mit dem Thema aus", o => o.Topic),
        (nameof(Command.DistrictWeight), "Wohnt im Stadtteil (oder nebenan: halb)", o => o.District),
        (nameof(Command.LanguageWeight), "Spricht die Sprache der Anruferin oder des Anrufers", o => o.Language),
        (nameof(Command.AvailabilityWeight), "Hat zur gewünschten Zeit Zeit", o => o.Availability),
        (nameof(Command.WorkloadWeight), "Hat noch freie Kapazität", o => o.Workload),
        (nameof(Command.FairnessWeight), "Hatte länger keine Anfrage", o => o.Fairness),
        (nameof(Command.ContinuityWeight), "Hat dieser Person schon gut geholfen", o => o.Continuity),
        (nameof(Command.ReliabilityWeight), "Ist zuverlässig (keine Rückgaben, keine versäumten Termine)", o => o.Reliability),
    ];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(Catalog.Catalog catalog)
        {
            RuleFor(c => c.Topics).Custom((text, context) => Report(context, nameof(Command.Topics), text is null ? [] : CatalogLines.Parse(text).Problems));
            RuleFor(c => c.Districts).Custom((text, context) => Report(context, nameof(Command.Districts), text is null ? [] : CatalogLines.Parse(text).Problems));
            // Neighbours name districts: the ones in the form, or the installation's when the form leaves them empty.
            RuleFor(c => c.Neighbours).Custom((text, context) =>
            {
                var districts = context.InstanceToValidate.Districts is { } own ? CatalogLines.Parse(own).Entries : catalog.InstallationDistricts;
                Report(context, nameof(Command.Neighbours), text is null ? [] : CatalogLines.ParseNeighbours(text, districts.Select(d => d.Id).ToHashSet()).Problems);
            });
            foreach (var weight in new System.Linq.Expressions.Expression<Func<Command, int?>>[]
                     {
                         c => c.TopicWeight, c => c.DistrictWeight, c => c.LanguageWeight, c => c.AvailabilityWeight,
                         c => c.WorkloadWeight, c => c.FairnessWeight, c => c.ContinuityWeight, c => c.ReliabilityWeight,
                     })
                RuleFor(weight).InclusiveBetween(0, MostWeight).WithMessage($"Bitte geben Sie ein Gewicht zwischen 0 und {MostWeight} an, oder lassen Sie das Feld leer.");
        }

        // The first three problems of a list: enough to find them, not a wall of text.
        private static void Report(ValidationContext<Command> context, string field, List<string> problems)
        {
            foreach (var problem in problems.Take(3)) context.AddFailure(field, problem);
        }
    }

    public sealed class Handler(IDocumentStore store, TownDirectory towns, Catalog.Catalog catalog) : ICommandHandler<Command, TownEdits.Outcome>
    {
        public async ValueTask<TownEdits.Outcome> Handle(Command command, CancellationToken ct) =>
            await TownEdits.SaveAsync(store, towns, command.Revision,
                town => Apply(town, command, catalog.InstallationDistricts.Select(d => d.Id).ToHashSet()), ct);
    }

    public static Town Apply(Town town, Command command, IReadOnlySet<string> installationDistricts)
    {
        var topics = TownEdits.Blank(command.Topics) is { } t ? CatalogLines.Parse(t).Entries : null;
        var districts = TownEdits.Blank(command.Districts) is { } d ? CatalogLines.Parse(d).Entries : null;
        var ids = districts?.Select(x => x.Id).ToHashSet() ?? installationDistricts;
        // A town with its own districts has its own map: no neighbours written means none, not the installation's.
        var neighbours = TownEdits.Blank(command.Neighbours) is { } n
            ? CatalogLines.ParseNeighbours(n, ids).Neighbours
            : districts is null ? null : new Dictionary<string, IReadOnlyList<string>>();
        var lists = new TownLists(topics, districts, neighbours);
        return town with { Lists = lists == new TownLists() ? null : lists, Weights = command.Weights() };
    }
}
