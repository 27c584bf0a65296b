namespace DigitaleHilfe.Web.Features.Shared;

// A one-time confirmation shown after POST → redirect → GET ("Die Anfrage wurde gespeichert …").
public static class Notice
{
    public const string Key = "Notice";

    // After a POST: show the refusal, or the success message, on the page redirected to.
    public static RedirectToActionResult RedirectWithNotice(this Controller controller, string action, string? refusal, string success)
    {
        controller.TempData[Key] = refusal ?? success;
        return controller.RedirectToAction(action);
    }
}
