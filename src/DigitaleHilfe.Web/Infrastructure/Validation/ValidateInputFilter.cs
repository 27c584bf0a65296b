using Microsoft.AspNetCore.Mvc.Filters;

namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Runs the validator of each bound action argument and puts its messages into ModelState under the
// form field names. It is ordered before [ApiController]'s automatic 400, so API clients get the same
// rules as problem details, and a form action just checks ModelState.IsValid and re-renders.
public sealed class ValidateInputFilter : IAsyncActionFilter, IOrderedFilter
{
    public const int FilterOrder = -3000;

    public int Order => FilterOrder;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        // A value that did not bind ("vielleicht" for a checkbox) is not echoed back into the form: the
        // checkbox would try to read it as true or false and fail. The error message quotes it anyway.
        foreach (var (key, entry) in context.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
            context.ModelState.SetModelValue(key, rawValue: null, attemptedValue: null);

        foreach (var (name, argument) in context.ActionArguments.ToList())
        {
            if (argument is null) continue;
            // A plain argument (a search term) is reported under its own name, a bound object by its fields.
            foreach (var field in ControlCharacters.FieldsIn(argument, argument is string ? name : ""))
            {
                context.ModelState.AddModelError(field, ControlCharacters.Message);
                // Shown again without the characters (forms with a NUL never get here: RequestLimits refuses them).
                if (context.ModelState.TryGetValue(field, out var entry) && entry.AttemptedValue is { } typed)
                    context.ModelState.SetModelValue(field, ControlCharacters.Strip(typed), ControlCharacters.Strip(typed));
            }
            if (argument is string text && ControlCharacters.Contains(text)) context.ActionArguments[name] = ControlCharacters.Strip(text);
            else ControlCharacters.StripIn(argument);
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator) continue;

            var result = await validator.ValidateAsync(
                new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var failure in result.Errors)
                context.ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }

        await next();
    }
}
