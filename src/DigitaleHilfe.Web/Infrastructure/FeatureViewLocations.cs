using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace DigitaleHilfe.Web.Infrastructure;

// Views live in the folder of the controller's feature (Features/Accounts/SignIn.cshtml for a
// controller in namespace …Features.Accounts), so one feature may have several controllers.
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
            context.Values[Key] = action.ControllerTypeInfo.Namespace?.Split('.').Last();
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Select(l => l.Replace("{1}", feature))
            : viewLocations;
}
