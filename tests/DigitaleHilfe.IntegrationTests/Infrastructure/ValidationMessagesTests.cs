using System.Runtime.CompilerServices;
using DigitaleHilfe.IntegrationTests.Support;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Infrastructure;

// Every validator, fed an empty input, must answer in our own German words: none of FluentValidation's
// built-in messages ("'Outcome' darf kein Nullwert sein.") that name a C# property.
public sealed class ValidationMessagesTests(AppFixture app) : IntegrationTest(app)
{
    public static TheoryData<Type> Validators()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Program).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)))
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(Validators))]
    public async Task An_empty_input_gets_only_german_messages_written_for_people(Type validatorType)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var validator = (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, validatorType);
        var modelType = validatorType.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)).GetGenericArguments()[0];
        var model = modelType.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(modelType)! : RuntimeHelpers.GetUninitializedObject(modelType);

        var result = await validator.ValidateAsync(new ValidationContext<object>(model));

        foreach (var error in result.Errors)
        {
            error.ErrorMessage.ShouldNotContain($"'{error.PropertyName}'", customMessage: $"{validatorType.Name}: {error.ErrorMessage}");
            error.ErrorMessage.ShouldNotContain("Nullwert");
            error.ErrorMessage.ShouldNotContain("must ", Case.Sensitive);
        }
    }
}
