using DigitaleHilfe.Web.Features.Towns;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.UnitTests.Towns;

public sealed class AddTownRulesTests
{
    private static readonly AddTown.Command WithoutHosts = new()
    {
        Id = "rok", Name = "Digitale Hilfe Rockenhausen", AdminName = "Rosa", AdminEmail = "rosa@rockenhausen.example",
    };

    private static bool Valid(TownResolutionMode mode, AddTown.Command command) =>
        new AddTown.Validator(Options.Create(new TenancyOptions { Resolution = mode })).Validate(command).IsValid;

    [Fact]
    public void A_town_needs_a_host_name_when_towns_are_told_apart_by_host_and_none_when_by_path()
    {
        Valid(TownResolutionMode.Host, WithoutHosts).ShouldBeFalse();
        Valid(TownResolutionMode.Path, WithoutHosts).ShouldBeTrue();
        Valid(TownResolutionMode.Host, WithoutHosts with { Hosts = "rockenhausen.example" }).ShouldBeTrue();
    }

    [Fact]
    public void A_sender_name_without_a_sender_address_is_refused_as_on_the_towns_own_settings_page()
    {
        var named = WithoutHosts with { Hosts = "rockenhausen.example", SenderName = "Digitale Hilfe Rockenhausen" };
        Valid(TownResolutionMode.Host, named).ShouldBeFalse();
        Valid(TownResolutionMode.Host, named with { SenderAddress = "hilfe@rockenhausen.example" }).ShouldBeTrue();
        Valid(TownResolutionMode.Host, named with { SenderAddress = "hilfe@rockenhausen.example", HotlinePhone = "ruf an" }).ShouldBeFalse();
    }

    [Fact]
    public void Host_names_are_read_one_per_line_or_separated_by_spaces_and_commas_in_lower_case_once_each()
    {
        (WithoutHosts with { Hosts = "A.example, b.example\r\nC.example  a.example" }).HostList().ShouldBe(["a.example", "b.example", "c.example"]);
    }
}
