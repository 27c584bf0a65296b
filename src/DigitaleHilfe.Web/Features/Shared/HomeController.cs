using DigitaleHilfe.Web.Features.Accounts;

namespace DigitaleHilfe.Web.Features.Shared;

[Authorize(Policies.SignedIn)]
public sealed class HomeController : Controller
{
    // Everyone starts where their work is: the hotline at the intake form (a call can come in at any
    // moment), coordinators at the queue, admins at the accounts, volunteers at their own page.
    [HttpGet("/")]
    public IActionResult Index() =>
        User.IsInRole(nameof(Role.Operator)) ? Redirect("~/Intake")
        : User.IsInRole(nameof(Role.Coordinator)) ? Redirect("~/Cockpit")
        : User.IsInRole(nameof(Role.Admin)) ? Redirect("~/Admin/Accounts")
        : User.HasClaim(Accounts.SignIn.ApprovedClaim, "true") ? Redirect("~/Board")
        : Redirect("~/Account");
}
