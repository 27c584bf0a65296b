using System.Text.Json;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Callers;

public static class CallerDirectory
{
    // Callers reachable under a number, merged duplicates left out. Written in SQL so that it asks exactly the
    // expression of the phone numbers' own index (CallersSetup); LINQ would ask the whole document. Marten adds no
    // town to SQL it is handed: the condition on tenant_id is this query's own.
    public static Task<IReadOnlyList<Caller>> ByPhoneAsync(IQuerySession session, string e164, CancellationToken ct) =>
        session.QueryAsync<Caller>("where d.tenant_id = ? and d.data -> 'Phones' @> ?::jsonb and d.data ->> 'MergedInto' is null",
            ct, session.TenantId, JsonSerializer.Serialize(new[] { e164 }));

    // The caller a call belongs to: the one the operator picked, else the one known under this number,
    // else a new entry. A picked caller learns the number if it is new to them. Returned with the caller as
    // stored (null for a new one): the intake stores it with the request only when something changed.
    public static async Task<(Caller? Stored, Caller Caller)> ResolveAsync(
        IDocumentSession session, Guid? pickedId, string phone, string name, DateTimeOffset now, CancellationToken ct)
    {
        var caller = pickedId is { } id
            ? await session.LoadAsync<Caller>(id, ct)
            : (await ByPhoneAsync(session, phone, ct)).FirstOrDefault();
        if (caller is { MergedInto: { } survivor }) caller = await session.LoadAsync<Caller>(survivor, ct);
        if (pickedId is not null && caller is null)
            throw new InputValidationException(new Dictionary<string, string[]> { ["CallerId"] = ["Diese Person gibt es nicht mehr. Bitte suchen Sie erneut."] });

        var stored = caller;
        caller ??= new Caller { Id = Guid.CreateVersion7(now), Name = name.Trim(), CreatedAt = now };
        if (!caller.Phones.Contains(phone)) caller = caller with { Phones = [.. caller.Phones, phone] };
        if (caller.Name.Length == 0 && name.Trim().Length > 0) caller = caller with { Name = name.Trim() };
        return (stored, caller);
    }
}
