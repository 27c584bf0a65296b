namespace DigitaleHilfe.Web.Infrastructure.Validation;

// Every message that has a validator is checked before its handler runs, whoever sends it
// (controller, background job, test), so a handler may trust its input.
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = await InputRules.CheckAsync(validators, message, cancellationToken);
        var control = ControlCharacters.FieldsIn(message);
        if (control.Count > 0)
            errors = errors.Concat(control.Where(f => !errors.ContainsKey(f)).Select(f => KeyValuePair.Create(f, new[] { ControlCharacters.Message })))
                .ToDictionary();
        if (errors.Count > 0) throw new InputValidationException(errors);
        return await next(message, cancellationToken);
    }
}
