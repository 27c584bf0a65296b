using System.Security.Claims;
using DigitaleHilfe.Web.Features.Shared;
using DigitaleHilfe.Web.Features.Volunteers;
using DigitaleHilfe.Web.Infrastructure.Validation;

namespace DigitaleHilfe.Web.Features.Board;

// A volunteer's own profile: open from registration on, so that a coordinator deciding about the
// approval already sees what the person offers.
[Authorize(Policies.VolunteerProfile)]
[Route("Board")]
public sealed class ProfileController(IMediator mediator, IQuerySession session) : Controller
{
    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    [HttpGet("Profile")]
    public async Task<IActionResult> Profile(CancellationToken ct)
    {
        var profile = await session.LoadAsync<VolunteerProfile>(Me, ct) ?? new VolunteerProfile(Me);
        return View("Profile", ProfileForm.From(profile));
    }

    [HttpPost("Profile")]
    public async Task<IActionResult> Profile(ProfileForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Profile", form);
        try
        {
            await mediator.Send(form.ToCommand(), ct);
        }
        catch (InputValidationException invalid)
        {
            // The profile's rules (UpdateProfile.Validator, run by the Mediator pipeline) as field errors;
            // "Topics[2]" belongs to the field "Topics".
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages) ModelState.AddModelError(field.Split('[')[0], message);
            return View("Profile", form);
        }
        TempData[Notice.Key] = "Ihr Profil ist gespeichert.";
        return RedirectToAction(nameof(Profile));
    }
}
