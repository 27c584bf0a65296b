using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.UnitTests.Accounts;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Ein Satz, den ich mir merke")]
    [InlineData("correct horse battery staple")]
    [InlineData("Kaffee um 7 und Zeitung")]
    public void Long_uncommon_passwords_are_fine(string password)
    {
        PasswordRules.Problem(password, "erika@example.org").ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Bitte geben Sie ein Passwort ein.")]
    [InlineData("kurz", "mindestens 10 Zeichen")]
    [InlineData("1234567890", "zu bekannt")]
    [InlineData("PassWord123", "zu bekannt")]
    [InlineData("passwort123", "zu bekannt")]
    [InlineData("aaaaaaaaaaaa", "zu wenigen verschiedenen Zeichen")]
    [InlineData("Erika.Mustermann2026", "E-Mail-Adresse")]
    public void Weak_passwords_get_a_reason(string password, string reason)
    {
        PasswordRules.Problem(password, "erika.mustermann@example.org").ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void The_limit_is_128_characters()
    {
        var ok = string.Concat(Enumerable.Repeat("abcdefgh", 16));
        PasswordRules.Problem(ok, null).ShouldBeNull();
        PasswordRules.Problem(ok + "x", null).ShouldNotBeNull().ShouldContain("höchstens 128");
    }
}
