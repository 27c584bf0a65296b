using System.Collections;
using System.Reflection;

namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Decided once for every text a person or a client sends: control characters are refused, not
// stripped. A NUL cannot be stored in PostgreSQL at all, and the others (escape sequences, backspace)
// only ever arrive by mistake or on purpose. Line breaks and tabs stay allowed: descriptions and notes
// have several lines. Runs in the MVC filter (field errors, problem details) and in the Mediator
// pipeline (anything else that sends a message).
public static class ControlCharacters
{
    public const string Message = "Der Text enthält unzulässige Steuerzeichen. Bitte geben Sie ihn noch einmal ein.";
    public const string FormMessage =
        "Das Formular enthält unzulässige Steuerzeichen (zum Beispiel ein Nullzeichen). Es wurde nichts gespeichert. Bitte gehen Sie zurück und geben Sie den Text noch einmal ein.";

    public static bool IsForbidden(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    public static bool Contains(string? text) => text is not null && text.Any(IsForbidden);

    public static string Strip(string text) => Contains(text) ? new string(text.Where(c => !IsForbidden(c)).ToArray()) : text;

    // For showing a refused form again: its string properties without the characters (records' init
    // setters can still be called here, before anything else sees the object).
    public static void StripIn(object value)
    {
        if (value is string || value.GetType().Namespace?.StartsWith("System") == true) return;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || !property.CanWrite || property.GetIndexParameters().Length > 0) continue;
            if (property.GetValue(value) is string text && Contains(text)) property.SetValue(value, Strip(text));
        }
    }

    // The names of the fields (as bound: "Name", "Topics[2]") whose text carries a forbidden character.
    public static IReadOnlyList<string> FieldsIn(object? value, string name = "")
    {
        var found = new List<string>();
        Collect(value, name, found, depth: 0);
        return found;
    }

    private static void Collect(object? value, string name, List<string> found, int depth)
    {
        switch (value)
        {
            case null: return;
            case string s:
                if (Contains(s)) found.Add(name);
                return;
            case IDictionary: return;
            case IEnumerable items when value is not string:
                var i = 0;
                foreach (var item in items) Collect(item, $"{name}[{i++}]", found, depth + 1);
                return;
        }
        var type = value.GetType();
        if (depth > 3 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System") == true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !property.CanRead) continue;
            if (property.PropertyType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && (property.PropertyType.IsValueType || property.PropertyType.Namespace?.StartsWith("System") == true)) continue;
            object? inner;
            try { inner = property.GetValue(value); }
            catch (TargetInvocationException) { continue; }   // a computed property that needs valid input
            Collect(inner, name.Length == 0 ? property.Name : $"{name}.{property.Name}", found, depth + 1);
        }
    }
}
