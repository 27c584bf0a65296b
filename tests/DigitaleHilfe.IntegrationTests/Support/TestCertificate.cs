using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DigitaleHilfe.IntegrationTests.Support;

// A self-signed certificate in a PFX file, as an operator would create with openssl (docs/operations.md), for the
// key ring's encryption at rest.
public static class TestCertificate
{
    public const string Password = "Schlüsselbund";

    public static string CreatePfx(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(Directory.CreateTempSubdirectory("dh-cert-").FullName, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
