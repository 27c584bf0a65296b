using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Coordination;

// Volunteers whose certificate of conduct runs out within Certificates:RemindBefore or has run out: shown on
// "Hinweise" and counted in the weekly digest, so a coordinator asks for a new one in time.
public sealed class CertificateReminders(IQuerySession session, IOptions<CertificateOptions> options, TimeProvider clock)
{
    public sealed record Due(Account Account, CertificateState State, string Text);

    public async Task<IReadOnlyList<Due>> DueAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(CityTime.Local(clock.GetUtcNow()).Date);
        var soon = today.AddDays((int)options.Value.RemindBefore.TotalDays);
        var withCertificate = await session.Query<Account>()
            .Where(a => a.Active && a.ApprovedAt != null && a.Certificate != null && a.Certificate.ValidUntil <= soon).ToListAsync(ct);
        return withCertificate.OrderBy(a => a.Certificate!.ValidUntil)
            .Select(a => new Due(a, CertificateRules.State(a.Certificate, today, options.Value.RemindBefore),
                CertificateRules.German(a.Certificate, today, options.Value.RemindBefore))).ToList();
    }
}
