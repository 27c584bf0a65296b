namespace DigitaleHilfe.Web.Infrastructure.Validation;

public static class InputValidationSetup
{
    public static IServiceCollection AddInputValidation(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<ValidateInputFilter>(ServiceLifetime.Scoped);
        services.Configure<MvcOptions>(options =>
        {
            // The order must be given here: a filter added by type does not read IOrderedFilter.Order.
            options.Filters.Add<ValidateInputFilter>(ValidateInputFilter.FilterOrder);
            GermanBindingMessages.Apply(options.ModelBindingMessageProvider);
            // Our validators speak German and know which fields are required; the framework's implicit
            // English "field is required" for non-nullable properties would only duplicate them.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        // PostConfigure: MVC sets its own factory when controllers are added, which would win otherwise.
        services.PostConfigure<ApiBehaviorOptions>(options =>
            options.InvalidModelStateResponseFactory = context =>
                new BadRequestObjectResult(ApiProblems.Validation(context.ModelState))
                {
                    ContentTypes = { "application/problem+json" },
                });
        services.AddExceptionHandler<InputValidationExceptionHandler>();
        return services;
    }
}
