using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Infrastructure;

public static class MessagingSetup
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        // Scoped, so handlers can take the request's Marten session and current user.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        return services;
    }
}
