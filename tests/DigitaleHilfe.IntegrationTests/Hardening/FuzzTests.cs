using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Callbacks;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Every form and every API route that writes, each field in turn replaced with what an attacker or a
// broken client sends: NUL, a huge text, negative and overflowing numbers, dates far outside any sense,
// ids that are not ids. The other fields stay valid, so each bad value is the only reason to refuse.
// Nothing may answer 5xx, and nothing may be stored.
public sealed partial class FuzzTests(AppFixture app) : IntegrationTest(app)
{
    private enum Kind { Text, Number, Date, Guid, Flag }

    private sealed record Field(string Name, Kind Kind, string Valid);

    // Path placeholders: {id} an open request, {caller}, {task} a callback, {account} a volunteer.
    private sealed record Route(string Method, string Path, bool Json, params Field[] Fields);

    private static Field T(string name, string valid) => new(name, Kind.Text, valid);
    private static Field N(string name, string valid) => new(name, Kind.Number, valid);
    private static Field D(string name, string valid) => new(name, Kind.Date, valid);
    private static Field G(string name, string valid) => new(name, Kind.Guid, valid);
    private static Field F(string name, string valid) => new(name, Kind.Flag, valid);

    private static readonly Route[] Routes =
    [
        new("POST", "/Intake", false, T("Phone", "0631 555111"), T("CallerName", "Fritz Fuzz"), T("Topic", "tablet"), T("Description", "Hilfe"),
            T("District", "erfenbach"), T("HelpMode", "telefon"), T("PreferredTimes", "vormittags"), F("Consent", "true"), T("IdempotencyKey", "k1"), G("CallerId", ""),
            T("Address", "Hauptstraße 1"), T("Email", "fritz@example.org")),
        new("POST", "/HelpRequests/{id}/Details", false, T("Text", "mehr")),
        new("POST", "/HelpRequests/{id}/Callback", false, D("DueLocal", "2026-11-27T10:00"), T("Reason", "zurückrufen"), F("ConfirmTime", "true")),
        new("POST", "/Callbacks/{task}/Complete", false, T("Outcome", "NotReached"), D("NextDueLocal", "2026-11-27T11:00"), T("Note", "nicht erreicht"), F("AllGood", ""), F("ConfirmTime", "true")),
        new("POST", "/Callers/{caller}", false, T("Name", "Fritz Fuzz"), T("Address", "Weg 1"), T("Email", "fritz@example.org"), T("ContactPerson", "Tochter"),
            T("Notes", "laut sprechen"), T("AddPhone", "0631 555222"), T("Language", "de")),
        new("POST", "/Callers/{caller}/Merge", false, G("duplicateId", "")),
        new("POST", "/Callers/{caller}/ConsentWithdrawn", false, T("Note", "Anruf"), F("ConfirmWithdrawal", "true")),
        new("POST", "/Callers/{caller}/Erase", false, T("Reason", "Wunsch der Person"), F("ConfirmErasure", "true")),
        new("POST", "/HelpRequests/{id}/Claim", false, N("Version", "")),
        new("POST", "/HelpRequests/{id}/Appointment", false, D("AtLocal", "2026-11-28T10:00"), T("Mode", "telefon"), T("Place", "Anruf"), N("Version", "")),
        new("POST", "/HelpRequests/{id}/CancelAppointment", false, T("Reason", "krank"), N("Version", "")),
        new("POST", "/HelpRequests/{id}/Release", false, T("Reason", "keine Zeit"), N("Version", "")),
        new("POST", "/HelpRequests/{id}/Note", false, T("Text", "notiert")),
        new("POST", "/HelpRequests/{id}/Resolve", false, T("Outcome", "Solved"), N("MinutesSpent", "30"), N("Version", ""),
            T("Remark", "alles gut"), F("EvenBeforeAppointment", "true")),
        new("POST", "/HelpRequests/{id}/Reopen", false, N("Version", "")),
        new("POST", "/HelpRequests/{id}/Close", false, N("Version", "")),
        new("POST", "/HelpRequests/{id}/Cancel", false, T("Reason", "abgesagt"), N("Version", "")),
        new("POST", "/HelpRequests/{id}/Assign", false, G("VolunteerId", "{account}"), N("Version", "")),
        new("POST", "/Board/Profile", false, T("Topics", "tablet"), T("Districts", "erfenbach"), T("HelpModes", "telefon"), T("Languages", "de"),
            N("Capacity", "3"), T("Slots", "Monday-morning"), D("PausedUntil", ""), T("Invitations", "all"), T("Emails", "Nudges"), F("EmailChoices", "true")),
        new("POST", "/Account/SignIn", false, T("Email", "fuzz@example.org"), T("Password", "irgendein-passwort"), T("ReturnUrl", "/")),
        new("POST", "/Account/ChangePassword", false, T("CurrentPassword", "falsch-falsch-falsch"), T("NewPassword", "Ein neuer langer Satz"),
            T("NewPasswordConfirmation", "Ein neuer langer Satz")),
        new("POST", "/Account/Register", false, T("Name", "Neu"), T("Email", "fuzz-neu@example.org"), T("Password", AppFixture.Password), T("PasswordConfirmation", AppFixture.Password)),
        new("POST", "/Account/ConfirmEmail", false, T("token", "unbekannt")),
        new("POST", "/Account/ForgotPassword", false, T("Email", "fuzz@example.org")),
        new("POST", "/Account/ResetPassword", false, T("Token", "unbekannt"), T("Password", "Ein neuer langer Satz"), T("PasswordConfirmation", "Ein neuer langer Satz")),
        new("POST", "/Admin/Accounts/{account}/Roles", false, T("roles", "Volunteer")),
        new("POST", "/Admin/Accounts/{account}/Active", false, F("active", "true")),
        new("POST", "/Admin/Ort", false, N("Revision", "0"), T("Name", "Digitale Hilfe Kaiserslautern"), T("LogoText", "Digitale Hilfe KL"), T("Palette", "gruen"),
            T("HotlinePhone", "0631 365-1234"), T("SenderName", "Digitale Hilfe"), T("SenderAddress", "hilfe@kaiserslautern.example"),
            T("ConsentText", "Sind Sie einverstanden, dass wir Ihre Angaben {Monate} Monate speichern?"), N("RetentionMonths", "12"),
            N("AppointmentReminderBeforeHours", "24"), N("UnclaimedEscalationAfterHours", "24"), N("UnclaimedWidenAfterHours", "48"), N("StaleClaimNudgeAfterHours", "120"),
            N("ClaimExpiresAfterNudgeHours", "72"), N("MissingOutcomeAfterHours", "48"), N("FollowUpAfterHours", "168")),
        new("POST", "/Admin/Ort/Auswahl", false, N("Revision", "0"), T("Topics", "smartphone = Smartphone\ntablet = Tablet"), T("Districts", "mitte = Mitte\nnord = Nord"),
            T("Neighbours", "mitte: nord"), N("TopicWeight", "30"), N("DistrictWeight", "20"), N("LanguageWeight", "15"), N("AvailabilityWeight", "10"),
            N("WorkloadWeight", "10"), N("FairnessWeight", "5"), N("ContinuityWeight", "15"), N("ReliabilityWeight", "10")),
        new("POST", "/Admin/Accounts/Invite", false, T("Email", "neu@example.org"), T("Name", "Nora Neu"), T("Roles", "Operator")),
        new("POST", "/Admin/Accounts/{account}/PasswordLink", false),
        new("POST", "/Admin/Accounts/{account}/Erase", false, F("confirm", "true")),
        new("POST", "/Coordination/Volunteers/{account}/Approve", false, D("IssuedOn", "2026-10-01"), D("SeenOn", "2026-11-20")),
        new("POST", "/Coordination/Volunteers/{account}/Reject", false, T("Reason", "Passt nicht"), F("ShowReason", "true")),
        new("POST", "/Coordination/Volunteers/{account}/Certificate", false, D("IssuedOn", "2026-10-01"), D("SeenOn", "2026-11-20")),
        new("POST", "/Coordination/Volunteers/{account}/Active", false, F("active", "true")),
        new("POST", "/Coordination/Alerts/Releases/unbekannt/Dismiss", false),
        new("POST", "/Emails/Undeliverable/00000000-0000-0000-0000-000000000001/Dismiss", false),
        new("POST", "/Nachfrage/unbekannt", false, F("AllGood", "true"), T("Comment", "danke")),
        new("POST", "/Invitations/unbekannt", false),
        new("POST", "/api/v1/help-requests", true, T("callerName", "Fritz Fuzz"), T("phone", "0631 555111"), T("topic", "tablet"), T("description", "Hilfe"),
            T("district", "erfenbach"), T("helpMode", "telefon"), T("preferredTimes", "abends"), F("urgent", "false"), F("consent", "true"), G("callerId", "")),
        new("POST", "/api/v1/calls/incoming", true, T("phone", "0631 555111")),
        new("POST", "/api/v1/callers/{caller}/erase", true, T("reason", "Wunsch der Person")),
        new("POST", "/api/v1/callers/{caller}/consent-withdrawn", true, T("note", "Anruf")),
        new("POST", "/api/v1/help-requests/{id}/claim", true),
        new("POST", "/api/v1/help-requests/{id}/release", true, T("reason", "keine Zeit")),
        new("POST", "/api/v1/help-requests/{id}/appointment", true, D("at", "2026-11-28T10:00:00Z"), T("mode", "telefon"), T("place", "Anruf")),
        new("POST", "/api/v1/help-requests/{id}/appointment/cancel", true, T("reason", "krank")),
        new("POST", "/api/v1/help-requests/{id}/resolve", true, T("outcome", "Solved"), N("minutesSpent", "30")),
        new("POST", "/api/v1/help-requests/{id}/reopen", true),
        new("POST", "/api/v1/help-requests/{id}/close", true),
        new("POST", "/api/v1/help-requests/{id}/cancel", true, T("reason", "abgesagt")),
        new("POST", "/api/v1/help-requests/{id}/assign", true, G("volunteerId", "{account}")),
        new("POST", "/Netz/Orte/Neu", false, T("Name", "Digitale Hilfe Fuzz"), T("Id", "fz"), T("Hosts", "fuzz.digitalehilfe.test"), T("HotlinePhone", "06302 1"),
            T("SenderName", "Fuzz"), T("SenderAddress", "hilfe@fuzz.example"), T("AdminName", "Fritz Fuzz"), T("AdminEmail", "fritz@fuzz.example")),
        // Last: a sign-out that went through would leave the rest of the table unchecked.
        new("POST", "/Account/SignOut", false, F("everywhere", "false")),
        new("PUT", "/api/v1/volunteers/me", true, T("topics", "tablet"), T("districts", "erfenbach"), T("languages", "de"), T("helpModes", "telefon"),
            N("capacity", "3"), D("pausedUntil", ""), N("maxInvitationsPerDay", "2")),
    ];

    private static readonly Dictionary<Kind, string[]> Bad = new()
    {
        [Kind.Text] = ["a\u0000b", "\u001b[2J", new string('x', 100_000)],
        [Kind.Number] = ["-1", "-2147483649", "99999999999999999999999"],
        [Kind.Date] = ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-31T10:00", "nicht-ein-datum"],
        [Kind.Guid] = ["keine-guid", "00000000-0000-0000-0000-000000000000", "\u0000"],
        [Kind.Flag] = ["vielleicht", "\u0000"],
    };

    [Fact]
    public void Every_route_that_writes_is_in_the_fuzz_table()
    {
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        var writing = sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true)
            .Select(e => "/" + ParameterPattern().Replace(e.RoutePattern.RawText!.TrimStart('/'), "*"))
            .Distinct().ToList();
        var covered = Routes.Select(r => "/" + ParameterPattern().Replace(Placeholder().Replace(r.Path.TrimStart('/'), "*"), "*")).ToList();
        foreach (var template in writing.Where(t => !t.StartsWith("/jobs")))
            covered.ShouldContain(c => Matches(template, c), $"{template} has no row in the fuzz table");
    }

    private static bool Matches(string template, string path)
    {
        var a = template.Split('/');
        var b = path.Split('/');
        return a.Length == b.Length && a.Zip(b).All(p => p.First == "*" || p.Second == "*" || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task No_bad_value_in_any_field_of_any_writing_route_gives_a_5xx_or_stores_anything()
    {
        var request = await App.SendAsync(AppFixture.ValidCall());
        var volunteer = await App.CreateAccountAsync(Role.Volunteer);
        var task = await App.SendAsync(new Callbacks.Plan { RequestId = request.Id, DueLocal = new DateTime(2026, 11, 27, 10, 0, 0), Reason = "Test" });
        var places = new Dictionary<string, string>
        {
            ["{id}"] = request.Id.ToString(), ["{caller}"] = request.CallerId.ToString(), ["{task}"] = task!.Value.ToString(), ["{account}"] = volunteer.Id.ToString(),
        };
        string Fill(string s) => places.Aggregate(s, (text, p) => text.Replace(p.Key, p.Value));

        var browser = await App.SignedInClientAsync(Role.Operator, Role.Coordinator, Role.Admin, Role.Volunteer, Role.NetworkAdmin);
        var token = WebUtility.HtmlDecode(TokenField().Match(await browser.GetStringAsync("/Account")).Groups[1].Value);
        var api = await App.ApiClientAsync(Role.Operator, Role.Coordinator, Role.Admin, Role.Volunteer);
        var failures = new List<string>();
        await App.SettleRemindersAsync();

        foreach (var route in Routes)
        foreach (var field in route.Fields)
        foreach (var bad in Bad[field.Kind])
        {
            var before = await FingerprintAsync();
            var values = route.Fields.ToDictionary(f => f.Name, f => f == field ? bad : Fill(f.Valid));
            var response = route.Json
                ? await api.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), Fill(route.Path)) { Content = JsonBody(route, values) })
                : await browser.PostAsync(Fill(route.Path), new FormUrlEncodedContent(values.Where(v => v.Value.Length > 0)
                    .Append(KeyValuePair.Create("__RequestVerificationToken", token))));
            var what = $"{route.Method} {route.Path} {field.Name}={Shown(bad)}";
            if ((int)response.StatusCode >= 500) failures.Add($"{what}: {(int)response.StatusCode}");
            else if (await FingerprintAsync() != before) failures.Add($"{what}: stored something ({(int)response.StatusCode})");
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task A_thirty_megabyte_body_is_refused_with_413_problem_details()
    {
        var api = await App.ApiClientAsync(Role.Operator);
        var body = new ByteArrayContent(new byte[30 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        var response = await api.PostAsync("/api/v1/help-requests", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static string Shown(string value) => value.Length > 20 ? $"{value.Length} chars" : value.Replace("\u0000", "\\0").Replace("\u001b", "\\e");

    private static StringContent JsonBody(Route route, Dictionary<string, string> values)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in values.Where(v => v.Value.Length > 0))
        {
            var field = route.Fields.First(f => f.Name == name);
            var list = name is "topics" or "districts" or "languages" or "helpModes";
            var literal = field.Kind switch
            {
                Kind.Number when long.TryParse(value, out _) || value.All(char.IsAsciiDigit) || value.StartsWith('-') => value,
                Kind.Flag when value is "true" or "false" => value,
                _ => System.Text.Json.JsonSerializer.Serialize(value),
            };
            json.Append($"\"{name}\":{(list ? $"[{literal}]" : literal)},");
        }
        return new StringContent(json.ToString().TrimEnd(',') + "}", Encoding.UTF8, "application/json");
    }

    // Everything a request could write: events, every document's content, background jobs.
    private async Task<string> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'digitalehilfe' and table_name like 'mt_doc_%' " +
            "and table_name not in ('mt_doc_usersession', 'mt_doc_dataprotectionkey') order by table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var sql = string.Join(" || ", tables.Select(t => $"(select count(*)::text || coalesce(md5(string_agg(data::text, '' order by id::text)), '') from digitalehilfe.{t})"))
            + " || (select count(*)::text from digitalehilfe.mt_events) || (select count(*)::text from hangfire.job)";
        await using var command = new NpgsqlCommand("select " + sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\{(id|caller|task|account)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
