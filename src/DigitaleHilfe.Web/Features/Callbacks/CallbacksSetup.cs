namespace DigitaleHilfe.Web.Features.Callbacks;

public static class CallbacksSetup
{
    public static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        services.AddOptions<Shared.OfficeHoursOptions>().BindConfiguration(Shared.OfficeHoursOptions.Section)
            .Validate(o => Shared.OfficeHours.TryParse(o, out _), "OfficeHours:Days: every day must look like \"09:00-16:00\" (opening before closing) or be empty.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Shared.OfficeHours(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Shared.OfficeHoursOptions>>()));
        // The hotline's list is ordered by when a call is due.
        services.ConfigureMarten(options => options.Schema.For<CallbackTask>().Index(t => t.DueAt));
        return services;
    }
}
