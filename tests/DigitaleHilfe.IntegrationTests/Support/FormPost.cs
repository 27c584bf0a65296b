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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
