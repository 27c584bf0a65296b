using DigitaleHilfe.Web.Features.Catalog;
using DigitaleHilfe.Web.Features.Intake;
using DigitaleHilfe.Web.Features.Matching;
using DigitaleHilfe.Web.Features.Privacy;
using DigitaleHilfe.Web.Features.Towns;

namespace DigitaleHilfe.UnitTests.Towns;

public sealed class TownSettingsRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Town Kusel = new("kus", "Digitale Hilfe Kusel", ["kusel.example"], null, null, null, Now);
    private static readonly HashSet<string> InstallationDistricts = ["innenstadt-ost", "erfenbach"];

    private static Town Consent(Town town, string? text) =>
        TownSettings.Apply(town, TownSettings.Command.Of(town) with { ConsentText = text }, Now);

    [Fact]
    public void Each_changed_consent_wording_is_a_new_numbered_version_and_the_earlier_ones_stay_readable()
    {
        var first = Consent(Kusel, "Sind Sie einverstanden,\n  dass wir Ihre Angaben {Monate} Monate speichern?");
        var same = Consent(first, first.Consent!.Text);
        var second = Consent(same, "Dürfen wir Ihre Angaben speichern und nach {Monate} Monaten löschen?");

        first.Consent.ShouldBe(new TownConsent(1, "Sind Sie einverstanden, dass wir Ihre Angaben {Monate} Monate speichern?", Now));
        same.Consent.ShouldBe(first.Consent);
        second.Consent!.Number.ShouldBe(2);
        second.EarlierConsents.ShouldBe([first.Consent]);

        var (version, text) = ConsentText.Current(second, 6);
        version.ShouldBe("kus-2/6");
        text.ShouldBe("Dürfen wir Ihre Angaben speichern und nach 6 Monaten löschen?");
        ConsentText.Of("kus-1/12", second).ShouldBe("Sind Sie einverstanden, dass wir Ihre Angaben 12 Monate speichern?");
        ConsentText.Of("kus-9/12", second).ShouldBeNull();
        ConsentText.Of(ConsentText.Version(12), second).ShouldBe(ConsentText.For(12));   // recorded before the town had its own
    }

    [Fact]
    public void Emptying_the_consent_field_returns_to_the_installations_wording_and_keeps_the_towns_for_old_consents()
    {
        var own = Consent(Kusel, "Sind Sie einverstanden, dass wir Ihre Angaben {Monate} Monate speichern?");
        var back = Consent(own, "  ");

        back.Consent.ShouldBeNull();
        ConsentText.Current(back, 12).Version.ShouldBe(ConsentText.Version(12));
        ConsentText.Of("kus-1/12", back).ShouldNotBeNull();
        Consent(back, "Ein ganz neuer Text, den die Hotline vorliest, mit {Monate} Monaten.").Consent!.Number.ShouldBe(2);
    }

    [Fact]
    public void A_towns_weights_neighbours_and_retention_lay_over_the_installations_and_empty_ones_keep_it()
    {
        var installation = new MatchingOptions { Topic = 30, District = 20, Neighbours = new() { ["innenstadt-ost"] = ["erfenbach"] } };
        TownOverlays.Matching(installation, Kusel).ShouldBeSameAs(installation);

        var own = Kusel with { Weights = new TownWeights(Topic: 50), Lists = new TownLists(Neighbours: new Dictionary<string, IReadOnlyList<string>> { ["mitte"] = ["nord"] }) };
        var matching = TownOverlays.Matching(installation, own);
        (matching.Topic, matching.District).ShouldBe((50, 20));
        MatchScore.AreNeighbours(matching, "nord", "mitte").ShouldBeTrue();
        MatchScore.AreNeighbours(matching, "innenstadt-ost", "erfenbach").ShouldBeFalse();
        installation.Topic.ShouldBe(30);   // the installation's stay untouched

        TownOverlays.Privacy(new PrivacyOptions { RetentionMonths = 12 }, Kusel with { RetentionMonths = 3 }).RetentionMonths.ShouldBe(3);
        TownOverlays.Privacy(new PrivacyOptions { RetentionMonths = 12 }, Kusel).RetentionMonths.ShouldBe(12);
    }

    [Fact]
    public void A_town_with_its_own_districts_and_no_neighbours_written_has_none_not_the_installations()
    {
        var command = TownChoices.Command.Of(Kusel) with { Districts = "mitte = Mitte\nnord = Nord" };
        TownChoices.Apply(Kusel, command, InstallationDistricts).Lists!.Neighbours.ShouldBeEmpty();

        var onlyNeighbours = TownChoices.Command.Of(Kusel) with { Neighbours = "innenstadt-ost: erfenbach" };
        var lists = TownChoices.Apply(Kusel, onlyNeighbours, InstallationDistricts).Lists!;
        lists.Districts.ShouldBeNull();
        lists.Neighbours!["innenstadt-ost"].ShouldBe(["erfenbach"]);

        TownChoices.Apply(Kusel, TownChoices.Command.Of(Kusel), InstallationDistricts).Lists.ShouldBeNull();
    }

    [Fact]
    public void The_catalogue_shows_the_towns_own_topics_and_districts_and_the_installations_help_modes()
    {
        TownLists? own = null;
        var catalog = new Catalog(new CatalogOptions
        {
            Topics = [new("smartphone", "Smartphone")], Districts = [new("innenstadt-ost", "Innenstadt-Ost")], HelpModes = [new("telefon", "Telefon", Remote: true)],
        }, () => own);

        catalog.IsTopic("smartphone").ShouldBeTrue();
        own = new TownLists(Topics: [new("tablet", "Tablet")]);
        catalog.IsTopic("smartphone").ShouldBeFalse();
        catalog.IsTopic("tablet").ShouldBeTrue();
        catalog.IsDistrict("innenstadt-ost").ShouldBeTrue();
        catalog.TopicLabel("smartphone").ShouldBe("smartphone");   // an old request's topic shows as its id
        catalog.IsHelpMode("telefon").ShouldBeTrue();
    }
}
