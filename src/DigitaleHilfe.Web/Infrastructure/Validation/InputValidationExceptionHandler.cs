using Microsoft.AspNetCore.Diagnostics;

namespace DigitaleHilfe.Web.Infrastructure.Validation;

// The safety net: a validation failure thrown from the Mediator pipeline is still a 400, never a 500.
public sealed class InputValidationExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not InputValidationException invalid) return false;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ApiProblems.Validation(invalid.Errors),
            Exception = exception,
        });
    }
}
