namespace DigitaleHilfe.Web.Features.Coordination;

public static class CoordinationSetup
{
    public static IServiceCollection AddCoordination(this IServiceCollection services) => services.AddScoped<CertificateReminders>().AddScoped<Shared.MenuCounts>()
        // Registered so that db-apply creates its table (production creates nothing on the fly).
        .ConfigureMarten(options => options.Schema.For<BackgroundProblem>());
}
