using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Shapes every 400 of the JSON API: ASP.NET's ValidationProblemDetails, with field names as the
// client wrote them (camelCase) and German messages instead of the framework's English parser text.
public static class ApiProblems
{
    public const string BodyKey = "body";

    public static ValidationProblemDetails Validation(ModelStateDictionary modelState)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0) continue;
            var (field, messages) = key switch
            {
                // System.Text.Json names the spot it choked on: "$.description" is a field of the wrong type.
                _ when key.StartsWith("$.") => (CamelCase(key[2..]), new[] { "Dieser Wert hat das falsche Format." }),
                _ when IsParserError(key, entry) => (BodyKey, new[] { "Der Inhalt der Anfrage ist kein gültiges JSON-Objekt." }),
                _ => (CamelCase(key), entry.Errors.Select(e => e.ErrorMessage).ToArray()),
            };
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing.Union(messages)] : messages;
        }
        return Validation(errors);
    }

    public static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(e => CamelCase(e.Key), e => e.Value))
        {
            Title = "Die Eingaben sind unvollständig oder ungültig.",
            Status = StatusCodes.Status400BadRequest,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    // A body that is not JSON at all is reported under "$", a missing one under the empty key; both
    // are about the body as a whole.
    private static bool IsParserError(string key, ModelStateEntry entry) =>
        key.StartsWith('$') || string.IsNullOrEmpty(key) || entry.Errors.Any(e => e.Exception is not null);

    private static string CamelCase(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
