using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace DigitaleHilfe.Web.Infrastructure.Auth;

// Data Protection keys (they sign cookies and antiforgery tokens) live in PostgreSQL, so every app
// node reads the same keys and a sign-in made on one node is valid on the next.
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

// IXmlRepository is synchronous and Marten 9 is async-only, so the calls block; they run rarely (key
// ring refresh, new key every 90 days) and ASP.NET Core has no synchronisation context to deadlock.
public sealed class PostgresKeyRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession(new Marten.Services.SessionOptions { AllowAnyTenant = true });
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession(new Marten.Services.SessionOptions { AllowAnyTenant = true });
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
