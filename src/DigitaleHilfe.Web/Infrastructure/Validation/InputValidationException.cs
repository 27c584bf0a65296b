namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Thrown by the Mediator pipeline when a message breaks its input rules; turned into field errors
// (HTML) or RFC 9457 problem details (JSON) at the edge, so bad input never becomes a 500.
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Die Eingaben sind unvollständig oder ungültig.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
