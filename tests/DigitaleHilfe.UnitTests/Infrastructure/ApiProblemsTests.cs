using System.Text.Json;
using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DigitaleHilfe.UnitTests.Infrastructure;

public sealed class ApiProblemsTests
{
    [Fact]
    public void Field_errors_are_keyed_as_the_client_spells_the_field()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("CallerName", "Bitte geben Sie den Namen an.");

        var problem = ApiProblems.Validation(state);

        problem.Status.ShouldBe(400);
        problem.Errors["callerName"].ShouldBe(["Bitte geben Sie den Namen an."]);
    }

    [Fact]
    public void A_body_that_is_not_json_is_reported_on_the_body_in_German()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("$", new JsonException("'b' is an invalid start"), new EmptyModelMetadataProvider().GetMetadataForType(typeof(object)));

        var problem = ApiProblems.Validation(state);

        problem.Errors.Keys.ShouldBe([ApiProblems.BodyKey]);
        problem.Errors[ApiProblems.BodyKey].Single().ShouldContain("kein gültiges JSON");
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_on_its_field()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("$.description", "The JSON value could not be converted to System.String.");

        ApiProblems.Validation(state).Errors.Keys.ShouldBe(["description"]);
    }
}
