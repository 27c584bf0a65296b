using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests.Support;

public static class Accessibility
{
    // Serious and critical axe findings fail the test; the message lists them so the fix is obvious.
    public static async Task ShouldHaveNoSeriousViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions());
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}
