namespace DigitaleHilfe.Web.Features.Catalog;

[ApiController]
[Authorize(Policies.SignedIn)]
[Route("api/v1/catalog")]
public sealed class CatalogApiController(Catalog catalog) : ControllerBase
{
    [HttpGet]
    public object Get() => new { catalog.Topics, catalog.Districts, catalog.HelpModes };
}
