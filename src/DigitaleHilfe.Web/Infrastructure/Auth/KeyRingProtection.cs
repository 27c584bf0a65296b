using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace DigitaleHilfe.Web.Infrastructure.Auth;

// The Data Protection keys (sign-in cookies, form tokens) live in PostgreSQL, shared by every node, and are
// encrypted there with a certificate from configuration: whoever reads a backup cannot forge a sign-in with them.
// DataProtection:Certificate:Path and :Password name a PFX file. To rotate, configure the new one there and keep
// the old one under DataProtection:PreviousCertificates:0:Path/:Password until the keys it encrypted have
// expired (90 days); docs/operations.md. Production refuses to start without one.
public static class KeyRingProtection
{
    public const string Section = "DataProtection:Certificate", Previous = "DataProtection:PreviousCertificates";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        if (Load(configuration.GetSection(Section)) is not { } current)
        {
            if (environment.IsProduction())
                throw new InvalidOperationException($"{Section}:Path is not configured. In production the key ring in PostgreSQL is encrypted with a " +
                                                    "certificate (a PFX file and its password); docs/operations.md shows how to create one.");
            return builder;
        }
        var previous = configuration.GetSection(Previous).GetChildren().Select(Load).OfType<X509Certificate2>();
        return builder.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    private static X509Certificate2? Load(IConfigurationSection section)
    {
        if (section["Path"] is not { Length: > 0 } path) return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"], X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"{section.Path}: {path} holds no private key.");
            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{section.Path}: the certificate {path} cannot be read ({e.Message}).", e);
        }
    }
}
