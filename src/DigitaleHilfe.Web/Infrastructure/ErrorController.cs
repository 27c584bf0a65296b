using Microsoft.AspNetCore.Diagnostics;

namespace DigitaleHilfe.Web.Infrastructure;

// One place answers every error: problem details for the JSON API, a friendly German page for people.
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorController : Controller
{
    public const string Path = "/error";
    // Set by a middleware that knows better than the status code what went wrong.
    public const string DetailKey = "ErrorDetail";

    [Route(Path + "/{status:int?}")]
    public IActionResult Show(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "";

        var detail = HttpContext.Items[DetailKey] as string;
        if (originalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            return Problem(statusCode: code, title: TitleFor(code), detail: detail);

        Response.StatusCode = code;
        return View("~/Features/Shared/Error.cshtml", new ErrorPage(code, TitleFor(code)) { Detail = detail });
    }

    private static string TitleFor(int code) => code switch
    {
        StatusCodes.Status404NotFound => "Diese Seite oder Anfrage gibt es nicht.",
        StatusCodes.Status400BadRequest => "Die Anfrage war ungültig.",
        StatusCodes.Status403Forbidden => "Dafür fehlt Ihnen die Berechtigung.",
        StatusCodes.Status405MethodNotAllowed => "Diese Aktion ist so nicht möglich.",
        StatusCodes.Status413PayloadTooLarge => "Die gesendeten Daten sind zu groß.",
        StatusCodes.Status412PreconditionFailed => "Die Anfrage wurde inzwischen geändert.",
        StatusCodes.Status415UnsupportedMediaType => "Bitte senden Sie die Daten als JSON.",
        StatusCodes.Status429TooManyRequests => "Zu viele Versuche in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.",
        _ => "Es ist ein unerwarteter Fehler aufgetreten.",
    };
}

public sealed record ErrorPage(int Status, string Title)
{
    public string? Detail { get; init; }
}
