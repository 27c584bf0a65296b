using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DigitaleHilfe.Web.Features.Callers;

public static class CallersSetup
{
    public static IServiceCollection AddCallers(this IServiceCollection services)
    {
        // Who may see a senior's contact details on a request (CallerContactPolicy.cs).
        services.AddSingleton<IAuthorizationHandler, CallerContact.Handler>();
        services.ConfigureMarten(options =>
        {
            // Every intake looks its caller up by number (CallerDirectory.ByPhoneAsync). A GIN index over the whole
            // document with the default pending list read 200+ pages per lookup at 60,000 callers (0.8 ms, half
            // the intake's database time); over the numbers alone, without a pending list, it reads about five.
            options.Schema.For<Caller>().GinIndexJsonDataMember(c => c.Phones, index => index.StorageParameters["fastupdate"] = "off");
            // The search box looks for any part of a name or number (LIKE '%…%'): a trigram index on a column of
            // its own answers that without reading all callers (pg_trgm, trusted since PostgreSQL 13, so the
            // database's owner may create it; docs/operations.md).
            options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
            options.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType != typeof(Caller)) return;
                mapping.DuplicateField(nameof(Caller.SearchText));
                var index = mapping.AddIndex("search_text");
                index.Method = IndexMethod.gin;
                index.Mask = "? gin_trgm_ops";
            });
        });
        return services;
    }
}
