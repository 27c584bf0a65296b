using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Infrastructure;

// Absolute links for emails. They must not depend on the request that happened to trigger the mail
// (a background job has none, and a Host header can be forged), so the base comes from App:PublicUrl, made the
// current town's: its first host name (scheme and port from App:PublicUrl) or, with towns told apart by path,
// its prefix. A town without a host (the first town after the upgrade) keeps App:PublicUrl as it is.
public sealed class PublicLinks(IConfiguration configuration, ITownDirectory towns, IOptions<TenancyOptions> tenancy)
{
    private readonly Uri _base = new(configuration.GetValue("App:PublicUrl", "http://127.0.0.1:5080")!.TrimEnd('/') + "/");

    public string To(string pathAndQuery) => new Uri(Base(), pathAndQuery.TrimStart('/')).ToString();

    private Uri Base()
    {
        if (TownContext.Id is not { } id || towns.Towns.FirstOrDefault(t => t.Id == id) is not { } town) return _base;
        if (tenancy.Value.Resolution == TownResolutionMode.Path) return new Uri(_base, town.Id + "/");
        return town.Hosts.Count == 0 ? _base : new UriBuilder(_base) { Host = town.Hosts[0] }.Uri;
    }
}
