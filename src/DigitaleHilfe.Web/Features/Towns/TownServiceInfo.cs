using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Towns;

// The service as pages, footers and documents name it, made the current town's: its name, hotline and contact
// address where the town has its own; the rest (provider, imprint details) from the installation's Service section.
public sealed class TownServiceInfo(IOptionsMonitor<ServiceInfo> installation, TownDirectory towns) : IOptions<ServiceInfo>
{
    public ServiceInfo Value
    {
        get
        {
            var basis = installation.CurrentValue;
            if (TownContext.Id is not { } id || towns.Find(id) is not { } town) return basis;
            var own = basis.Copy();
            own.Name = town.Name ?? basis.Name;
            own.HotlinePhone = town.HotlinePhone ?? basis.HotlinePhone;
            own.Email = town.SenderAddress ?? basis.Email;
            return own;
        }
    }
}
