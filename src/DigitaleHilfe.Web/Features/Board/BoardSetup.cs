namespace DigitaleHilfe.Web.Features.Board;

public static class BoardSetup
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        // Registered by type, so that streams written before this event moved here still read (EventNamesTests).
        services.ConfigureMarten(options => options.Events.AddEventType<ContactDetailsViewed>());
        return services;
    }
}
