using Microsoft.AspNetCore.Mvc;

namespace DigitaleHilfe.Web.Features.Shared;

public sealed class HomeController : Controller
{
    // The hotline's first screen is the intake form: a call can come in at any moment.
    [HttpGet("/")]
    public IActionResult Index() => RedirectToAction("Index", "Intake");
}
