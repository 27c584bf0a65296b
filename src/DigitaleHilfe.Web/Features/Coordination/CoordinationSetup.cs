namespace DigitaleHilfe.Web.Features.Coordination;

public static class CoordinationSetup
{
    public static IServiceCollection AddCoordination(this IServiceCollection services) => services.AddScoped<CertificateReminders>().AddScoped<Shared.MenuCounts>();
}
