using System.Reflection;

namespace DigitaleHilfe.Web.Features.Accounts;

// What a password must be: 10 to 128 characters, not one of the most common passwords, not the
// email address. Length beats complexity rules (NIST SP 800-63B); no "one digit, one symbol".
public static class PasswordRules
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password)) return "Bitte geben Sie ein Passwort ein.";
        if (password.Length < MinLength) return $"Das Passwort muss mindestens {MinLength} Zeichen lang sein.";
        if (password.Length > MaxLength) return $"Das Passwort darf höchstens {MaxLength} Zeichen lang sein.";
        if (Common.Value.Contains(password.ToLowerInvariant()))
            return "Dieses Passwort ist zu bekannt und leicht zu erraten. Bitte wählen Sie ein anderes.";
        if (password.Distinct().Count() < 4)
            return "Das Passwort besteht aus zu wenigen verschiedenen Zeichen.";
        var localPart = email?.Split('@')[0].Trim().ToLowerInvariant();
        if (localPart is { Length: >= 4 } && password.ToLowerInvariant().Contains(localPart))
            return "Das Passwort darf nicht Ihre E-Mail-Adresse enthalten.";
        return null;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("DigitaleHilfe.Web.Features.Accounts.CommonPasswords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.ToLowerInvariant());
        return set;
    }
}

public static class PasswordRuleValidation
{
    // The password rules as a FluentValidation rule; the email, when known, is checked too.
    public static IRuleBuilderOptionsConditions<T, string> AcceptablePassword<T>(
        this IRuleBuilder<T, string> rule, Func<T, string?>? email = null) =>
        rule.Custom((password, context) =>
        {
            if (PasswordRules.Problem(password, email?.Invoke(context.InstanceToValidate)) is { } problem) context.AddFailure(problem);
        });
}
