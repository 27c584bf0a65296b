namespace DigitaleHilfe.Web.Infrastructure.Persistence;

// Many documents of one type written in one statement, queued into the session's own commit. Marten writes a
// document per statement; the background's plans and deliveries, several for every new request, were most of the
// statements a new request cost after its intake (docs/performance.md, issue 16). The rows are the ones Marten itself
// writes (its JSON, type name, a new version, the time) in the table its mapping names, and Marten reads them as its
// own documents. Only for string-keyed documents of the session's town without optimistic concurrency, duplicated
// columns or subclasses; the mapping is asked, so a type that gains one of those fails loudly instead of writing rows
// Marten would read wrongly.
public static class DocumentRows
{
    public static void QueueUpsert<T>(IDocumentOperations operations, IEnumerable<T> documents, Func<T, string> idOf) where T : notnull
    {
        // The last one per id: a statement cannot write one row twice.
        var rows = documents.GroupBy(idOf).Select(g => (Id: g.Key, Document: g.Last())).ToList();
        if (rows.Count == 0) return;
        var serializer = operations.DocumentStore.Options.Serializer();
        operations.QueueSqlCommand('^',
            $"insert into {TableOf<T>(operations)} (tenant_id, id, data, mt_dotnet_type, mt_version, mt_last_modified) " +
            "select ^, d.id, d.data, ^, md5(random()::text || clock_timestamp()::text)::uuid, transaction_timestamp() " +
            "from unnest(^::varchar[], ^::jsonb[]) as d(id, data) " +
            "on conflict (tenant_id, id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, " +
            "mt_version = excluded.mt_version, mt_last_modified = excluded.mt_last_modified",
            operations.TenantId, typeof(T).FullName!, rows.Select(r => r.Id).ToArray(), rows.Select(r => serializer.ToJson(r.Document)).ToArray());
    }

    public static void QueueDelete<T>(IDocumentOperations operations, IEnumerable<string> ids)
    {
        var all = ids.Distinct().ToArray();
        if (all.Length > 0) operations.QueueSqlCommand('^', $"delete from {TableOf<T>(operations)} where tenant_id = ^ and id = any(^)", operations.TenantId, all);
    }

    private static string TableOf<T>(IDocumentOperations operations)
    {
        var mapping = operations.DocumentStore.Options.FindOrResolveDocumentType(typeof(T));
        if (mapping.IdType != typeof(string) || mapping.UseOptimisticConcurrency || mapping.DuplicatedFields.Count > 0 || mapping.IsHierarchy()
            || mapping.TenancyStyle != JasperFx.MultiTenancy.TenancyStyle.Conjoined)
            throw new InvalidOperationException($"{typeof(T).Name} has a mapping DocumentRows does not write: use the session's Store.");
        return mapping.TableName.QualifiedName;
    }
}
