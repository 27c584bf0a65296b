using DigitaleHilfe.Web.Infrastructure.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Infrastructure.Health;

public sealed class SmtpHealthCheck(IOptions<SmtpOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        try
        {
            using var client = await MailKitEmailSender.ConnectAsync(smtp, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return HealthCheckResult.Healthy($"Der Mailserver {smtp.Host}:{smtp.Port} nimmt Verbindungen an.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Der Mailserver {smtp.Host}:{smtp.Port} ist nicht erreichbar.", e);
        }
    }
}
