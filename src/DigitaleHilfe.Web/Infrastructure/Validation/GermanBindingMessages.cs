using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Model binding's own complaints ("The value 'x' is not valid.") in the language of the UI.
public static class GermanBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Der Wert „{value}“ ist für {field} nicht zulässig.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht zulässig.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Der Wert für {field} ist nicht zulässig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der Wert ist nicht zulässig.");
        messages.SetValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist nicht zulässig.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} muss eine Zahl sein.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte geben Sie eine Zahl ein.");
        messages.SetValueMustNotBeNullAccessor(value => $"Der Wert „{value}“ darf nicht leer sein.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} fehlt.");
        messages.SetMissingKeyOrValueAccessor(() => "Ein Wert fehlt.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage braucht einen Inhalt.");
    }
}
