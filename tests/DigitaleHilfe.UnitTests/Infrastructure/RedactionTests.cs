using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("550 5.1.1 <erika.mustermann@example.org>: Recipient address rejected")]
    [InlineData("Die Adresse „erika@example.org“ ist keine gültige E-Mail-Adresse.")]
    [InlineData("550 erika+hilfe@sub.example.org unknown")]
    public void A_refusal_reason_keeps_what_went_wrong_but_not_the_address(string reason)
    {
        var redacted = UndeliverableEmail.Redact(reason);

        redacted.ShouldNotContain("@");
        redacted.ShouldContain("[Adresse]");
    }
}
