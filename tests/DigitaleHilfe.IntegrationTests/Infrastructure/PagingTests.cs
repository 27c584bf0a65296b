using System.Net;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

public sealed class PagingTests(AppFixture app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/HelpRequests?page=2147483647", Role.Operator)]
    [InlineData("/Emails/Undeliverable?page=2147483647", Role.Coordinator)]
    [InlineData("/Admin/Audit?page=2147483647", Role.Admin)]
    [InlineData("/HelpRequests?page=100000001", Role.Operator)]
    [InlineData("/Emails/Undeliverable?page=100000001", Role.Coordinator)]
    [InlineData("/Emails/Undeliverable?page=-3&done=vielleicht", Role.Coordinator)]
    [InlineData("/HelpRequests?after=%00kaputt", Role.Operator)]
    [InlineData("/HelpRequests?before=1.99999999999999999999.0123456789abcdef0123456789abcdef", Role.Operator)]
    [InlineData("/HelpRequests?after=0.1.0123456789abcdef0123456789abcdef&last=true", Role.Operator)]
    [InlineData("/HelpRequests?last=vielleicht", Role.Operator)]
    [InlineData("/HelpRequests?after=0.0.0123456789abcdef0123456789abcdef", Role.Operator)]
    public async Task A_page_number_far_beyond_the_end_shows_an_empty_page_not_an_error(string url, Role role)
    {
        var client = await App.SignedInClientAsync(role);

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_list_answers_a_huge_page_number_with_an_empty_page()
    {
        var api = await App.ApiClientAsync(Role.Operator);

        var response = await api.GetAsync("/api/v1/help-requests?page=100000001");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
