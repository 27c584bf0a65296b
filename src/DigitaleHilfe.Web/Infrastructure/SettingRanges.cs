namespace DigitaleHilfe.Web.Infrastructure;

// Settings read at start that only make sense within a range: anything outside stops the start with the key, the
// range and the value, instead of a node that runs with a poll of 0 ms or a lease of a day.
public static class SettingRanges
{
    public static T GetInRange<T>(this IConfiguration configuration, string key, T fallback, T min, T max) where T : IComparable<T>
    {
        var value = configuration.GetValue(key, fallback)!;
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            throw new InvalidOperationException($"{key} must be between {min} and {max} (is {value}).");
        return value;
    }
}
