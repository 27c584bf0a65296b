using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Infrastructure.Persistence;
using Npgsql;

namespace DigitaleHilfe.Web.Features.Privacy;

// Every stream with an event by or about a person: by id where events carry one (claims, views,
// invitations), by name where they say who did something ("…By"). A scan of the event table: used only
// for an erasure or an export, never on a page that is opened every day.
public static class AccountStreams
{
    public static async Task<IReadOnlyList<Guid>> MentioningAsync(NpgsqlDataSource database, string town, Account account, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select distinct stream_id from {PersistenceSetup.SchemaName}.mt_events
            where tenant_id = @town and (data->>'VolunteerId' = @id or data->>'ViewerId' = @id or data->'VolunteerIds' ? @id
               or exists (select 1 from jsonb_each_text(data) field where field.key like '%By' and field.value = @name))
            """);
        command.Parameters.AddWithValue("id", account.Id.ToString());
        command.Parameters.AddWithValue("name", account.Name);
        command.Parameters.AddWithValue("town", town);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
