using DigitaleHilfe.Web.Features.Statistics;

namespace DigitaleHilfe.UnitTests.Statistics;

public sealed class PdfTextTests
{
    [Fact]
    public void A_document_with_umlauts_is_written_with_the_embedded_font()
    {
        var pdf = new PdfText("Test").Title("Jahresbericht für Kaiserslautern").Row("Stunden", "12").ToBytes();

        pdf.Length.ShouldBeGreaterThan(1000);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
    }
}
