using System.Text.Json;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Privacy;

// "Meine Daten": everyone who signs in can see (and download) what is stored about them.
[Authorize(Policies.SignedIn)]
[Route("Account")]
public sealed class MyDataController(IMediator mediator, ICurrentUser user) : Controller
{
    [HttpGet("Auskunft")]
    public async Task<IActionResult> Export(CancellationToken ct) =>
        user.Id is { } me && await mediator.Send(new AccountExport.Query(me), ct) is { } export ? View("AccountExport", export) : NotFound();

    [HttpGet("Auskunft.json")]
    public async Task<IActionResult> ExportJson(CancellationToken ct) =>
        user.Id is { } me && await mediator.Send(new AccountExport.Query(me), ct) is { } export
            ? File(JsonSerializer.SerializeToUtf8Bytes(export, ExportFile.Options), "application/json", "meine-daten.json")
            : NotFound();
}
