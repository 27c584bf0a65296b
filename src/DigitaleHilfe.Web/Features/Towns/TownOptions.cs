using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Towns;

// The settings of the work at hand: the installation's, overlaid with what the current town set for itself on its
// "Ort" pages. Read on every use (the town comes from TownContext), so a singleton that keeps one (the reminder
// texts, the planner) still sees each town's own values.
public sealed class TownOptions<T>(IOptionsMonitor<T> installation, TownDirectory towns, Func<T, Town, T> overlay) : IOptions<T> where T : class
{
    public T Value => TownContext.Id is { } id && towns.Find(id) is { } town ? overlay(installation.CurrentValue, town) : installation.CurrentValue;
}

public static class TownOptionsSetup
{
    // Asked for each time (transient): the town is the one of the work at hand.
    public static IServiceCollection AddTownOptions<T>(this IServiceCollection services, Func<T, Town, T> overlay) where T : class =>
        services.AddTransient<IOptions<T>>(sp =>
            new TownOptions<T>(sp.GetRequiredService<IOptionsMonitor<T>>(), sp.GetRequiredService<TownDirectory>(), overlay));
}
