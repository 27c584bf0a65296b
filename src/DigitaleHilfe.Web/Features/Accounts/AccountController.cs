using System.Security.Claims;
using DigitaleHilfe.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace DigitaleHilfe.Web.Features.Accounts;

[Route("Account")]
public sealed class AccountController(IMediator mediator) : Controller
{
    [AllowAnonymous, HttpGet("SignIn")]
    public IActionResult SignIn(string? returnUrl) => View(new SignIn.Command { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("SignIn"), EnableRateLimiting(AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> SignIn(SignIn.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(command with { Password = "" });
        var result = await mediator.Send(command, ct);
        if (result.Refusal is not null)
        {
            ModelState.AddModelError("", result.Refusal);
            return View(command with { Password = "" });
        }

        // A new session for every sign-in; whatever session this browser had before ends.
        if (CurrentSessionId() is { } previous) await mediator.Send(new SignOut.Command(previous), ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Accounts.SignIn.Principal(result.Account!, result.Session!.Id, CookieAuthenticationDefaults.AuthenticationScheme));
        return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("~/");
    }

    [Authorize(Policies.SignedIn), HttpPost("SignOut")]
    public async Task<IActionResult> SignOut(bool everywhere, CancellationToken ct)
    {
        if (!ModelState.IsValid) return RedirectToAction(nameof(Me));
        if (CurrentSessionId() is { } session) await mediator.Send(new SignOut.Command(session, everywhere), ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData[Notice.Key] = everywhere ? "Sie wurden auf allen Geräten abgemeldet." : "Sie wurden abgemeldet.";
        return RedirectToAction(nameof(SignIn));
    }

    [Authorize(Policies.SignedIn), HttpGet("")]
    public async Task<IActionResult> Me(CancellationToken ct) => View(await CurrentAccountAsync(ct));

    [Authorize(Policies.SignedIn), HttpPost("ChangePassword")]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command, CancellationToken ct)
    {
        if (ModelState.IsValid && await mediator.Send(command with { SessionId = CurrentSessionId() ?? Guid.Empty }, ct) is { } refusal)
            ModelState.AddModelError(nameof(command.CurrentPassword), refusal);
        if (!ModelState.IsValid) return View(nameof(Me), await CurrentAccountAsync(ct));

        TempData[Notice.Key] = "Ihr Passwort wurde geändert. Auf allen anderen Geräten sind Sie jetzt abgemeldet.";
        return RedirectToAction(nameof(Me));
    }

    [AllowAnonymous, HttpGet("Register")]
    public IActionResult Register() => View(new Register.Command());

    [AllowAnonymous, HttpPost("Register"), EnableRateLimiting(AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> Register(Register.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(command with { Password = "", PasswordConfirmation = "" });
        await mediator.Send(command, ct);
        return View("Message", new MessagePage("Fast geschafft",
            $"Wir haben eine E-Mail an {command.Email.Trim()} geschickt. Bitte bestätigen Sie Ihre Adresse über den Link darin. " +
            "Danach prüft die Koordination Ihre Anmeldung und schaltet Sie frei."));
    }

    // GET only shows a button: mail scanners that open links must not confirm anything.
    [AllowAnonymous, HttpGet("ConfirmEmail")]
    public IActionResult ConfirmEmail(string? token) => View(model: token ?? "");

    [AllowAnonymous, HttpPost("ConfirmEmail"), EnableRateLimiting(AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> ConfirmEmailPost([FromForm] string? token, CancellationToken ct) =>
        await mediator.Send(new ConfirmEmail.Command(token ?? ""), ct)
            ? View("Message", new MessagePage("E-Mail-Adresse bestätigt",
                "Vielen Dank! Sie können sich jetzt anmelden. Anfragen sehen Sie, sobald die Koordination Sie freigeschaltet hat.", ("Zur Anmeldung", "~/Account/SignIn")))
            : View("Message", new MessagePage("Link ungültig",
                "Dieser Bestätigungslink ist ungültig, schon benutzt oder abgelaufen. Melden Sie sich einfach an – wir schicken Ihnen dann einen neuen.", ("Zur Anmeldung", "~/Account/SignIn")));

    [AllowAnonymous, HttpGet("ForgotPassword")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [AllowAnonymous, HttpPost("ForgotPassword"), EnableRateLimiting(AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(command);
        await mediator.Send(command, ct);
        return View("Message", new MessagePage("E-Mail ist unterwegs",
            "Wenn zu dieser Adresse ein Konto gehört, haben wir Ihnen einen Link für ein neues Passwort geschickt. Er gilt eine Stunde."));
    }

    [AllowAnonymous, HttpGet("ResetPassword")]
    public IActionResult ResetPassword(string? token) => View(new ResetPassword.Command { Token = token ?? "" });

    [AllowAnonymous, HttpPost("ResetPassword"), EnableRateLimiting(AuthSetup.AuthRateLimit)]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command, CancellationToken ct)
    {
        if (ModelState.IsValid && await mediator.Send(command, ct) is { } refusal) ModelState.AddModelError("", refusal);
        if (!ModelState.IsValid) return View(command with { Password = "", PasswordConfirmation = "" });

        TempData[Notice.Key] = "Ihr neues Passwort gilt. Bitte melden Sie sich damit an.";
        return RedirectToAction(nameof(SignIn));
    }

    private Guid? CurrentSessionId() =>
        Guid.TryParse(User.FindFirstValue(Accounts.SignIn.SessionClaim), out var id) && id != Guid.Empty ? id : null;

    private async Task<Account> CurrentAccountAsync(CancellationToken ct) =>
        (await mediator.Send(new AccountQueries.GetAccount(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)), ct))!;
}
