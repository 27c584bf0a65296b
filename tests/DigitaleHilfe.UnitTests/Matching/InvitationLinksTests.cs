using DigitaleHilfe.Web.Features.Matching;
using Microsoft.AspNetCore.DataProtection;

namespace DigitaleHilfe.UnitTests.Matching;

public sealed class InvitationLinksTests
{
    private static readonly InvitationLinks.Grant Grant =
        new("kl", Guid.CreateVersion7(), Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 29, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void A_link_reads_back_as_what_it_was_issued_for_and_fits_an_email_line()
    {
        var links = new InvitationLinks(new EphemeralDataProtectionProvider());

        var token = links.Issue(Grant);

        links.Read(token).ShouldBe(Grant);
        token.Length.ShouldBeLessThan(200);
        token.ShouldMatch("^[A-Za-z0-9_-]+$");
    }

    [Fact]
    public void A_changed_cut_or_made_up_link_grants_nothing()
    {
        var links = new InvitationLinks(new EphemeralDataProtectionProvider());
        var token = links.Issue(Grant);
        var changed = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        links.Read(changed).ShouldBeNull();
        links.Read(token[..^3]).ShouldBeNull();
        links.Read("nicht-von-uns").ShouldBeNull();
        links.Read("").ShouldBeNull();
        links.Read(null).ShouldBeNull();
        links.Read(new string('A', 5000)).ShouldBeNull();
    }

    [Fact]
    public void A_link_from_another_installations_keys_grants_nothing()
    {
        var token = new InvitationLinks(new EphemeralDataProtectionProvider()).Issue(Grant);

        new InvitationLinks(new EphemeralDataProtectionProvider()).Read(token).ShouldBeNull();
    }
}
