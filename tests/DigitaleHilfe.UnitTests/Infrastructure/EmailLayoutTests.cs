using DigitaleHilfe.Web.Infrastructure.Email;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class EmailLayoutTests
{
    private static EmailMessage Sample() => new EmailLayout()
        .Greeting("Anna <Beispiel>")
        .Paragraph("Ihr Termin steht fest.")
        .Facts(("Wann", "29.11.2026, 10:00 Uhr"), ("Ort", null), ("Hinweise", "bitte laut & deutlich"))
        .Button("Anfrage öffnen", "https://example.org/Board/1?a=1&b=2")
        .Footer("Warum Sie diese E-Mail bekommen.")
        .To("anna@example.org", "Termin");

    [Fact]
    public void Text_and_html_say_the_same_and_empty_facts_are_left_out()
    {
        var mail = Sample();

        foreach (var body in new[] { mail.TextBody, mail.HtmlBody! })
        {
            body.ShouldContain("Ihr Termin steht fest.");
            body.ShouldContain("29.11.2026, 10:00 Uhr");
            body.ShouldContain("Ihre Digitale Hilfe Kaiserslautern");
            body.ShouldContain("Warum Sie diese E-Mail bekommen.");
            body.ShouldNotContain("Ort");
        }
        mail.TextBody.ShouldContain("Anfrage öffnen:\nhttps://example.org/Board/1?a=1&b=2");
    }

    [Fact]
    public void Html_is_escaped()
    {
        var html = Sample().HtmlBody!;

        html.ShouldContain("Guten Tag Anna &lt;Beispiel&gt;,");
        html.ShouldContain("bitte laut &amp; deutlich");
        html.ShouldContain("href=\"https://example.org/Board/1?a=1&amp;b=2\"");
        html.ShouldContain("lang=\"de\"");
    }
}
