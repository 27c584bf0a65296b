namespace DigitaleHilfe.Web.Infrastructure;

// Absolute links for emails. They must not depend on the request that happened to trigger the mail
// (a background job has none, and a Host header can be forged), so the base comes from App:PublicUrl.
public sealed class PublicLinks(IConfiguration configuration)
{
    private readonly Uri _base = new(configuration.GetValue("App:PublicUrl", "http://127.0.0.1:5080")!.TrimEnd('/') + "/");

    public string To(string pathAndQuery) => new Uri(_base, pathAndQuery.TrimStart('/')).ToString();
}
