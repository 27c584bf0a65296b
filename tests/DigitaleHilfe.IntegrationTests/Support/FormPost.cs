using System.Net;
using System.Text.RegularExpressions;

namespace DigitaleHilfe.IntegrationTests.Support;

// Posts an HTML form the way a browser does: GET the page, take its antiforgery token, POST the fields.
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        token.Success.ShouldBeTrue("the form carries an antiforgery token");

        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(body));
    }

    // As a browser sends a page with one form: its hidden fields too (a revision the page was drawn with), unless
    // the test gives a value of its own.
    public static async Task<HttpResponseMessage> SubmitWholeFormAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(pageUrl);
        var body = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in fields) body[name] = value;
        body.Remove("__RequestVerificationToken");
        return await SubmitAsync(client, pageUrl, body);
    }

    [GeneratedRegex("<input type=\"hidden\"[^>]*? name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
