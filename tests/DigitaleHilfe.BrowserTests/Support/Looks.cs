using Microsoft.Playwright;

namespace DigitaleHilfe.BrowserTests.Support;

public static class Looks
{
    // A page as a person gets it: photographed (temp folder, dh-{name}-{width}.png, to look at), not
    // wider than the screen (naming what sticks out when it is), and without serious axe findings.
    public static async Task RightAsync(IPage page, string name, int width)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"dh-{name}-{width}.png"), FullPage = true });
        var wide = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > {{width}} + 1)
                .map(e => e.tagName + '.' + e.className + ' ' + (e.id || '') + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)
            """);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"{name} scrolls sideways: {string.Join("; ", wide)}");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }
}
