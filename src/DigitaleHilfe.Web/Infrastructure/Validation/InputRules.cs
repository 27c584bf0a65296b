namespace DigitaleHilfe.Web.Infrastructure.Validation;

public static class InputRules
{
    public static async Task<IReadOnlyDictionary<string, string[]>> CheckAsync<T>(
        IEnumerable<IValidator<T>> validators, T instance, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<T>(instance);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(context, cancellationToken)).Errors);

        return failures
            .GroupBy(f => f.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
    }

    // Length limits shared by every free-text field, so one place says how much an operator may type.
    public const int ShortText = 200;
    public const int LongText = 4000;
}
