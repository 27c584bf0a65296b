using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DigitaleHilfe.Web.Features.Shared;

public static class FormState
{
    // aria-invalid="true" on a field with errors, nothing otherwise (Razor drops null attributes).
    public static string? AriaInvalid(this ViewDataDictionary viewData, string field) =>
        viewData.ModelState[field]?.Errors.Count > 0 ? "true" : null;
}
