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
        foreach (var (name, argument) in context.ActionArguments)
        {
            if (argument is null) continue;
            // A plain argument (a search term) is reported under its own name, a bound object by its fields.
            foreach (var field in ControlCharacters.FieldsIn(argument, argument is string ? name : ""))
                context.ModelState.AddModelError(field, ControlCharacters.Message);
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
