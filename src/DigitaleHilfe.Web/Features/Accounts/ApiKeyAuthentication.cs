using DigitaleHilfe.Web.Infrastructure.Tenancy;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// `Authorization: Bearer <key>` for /api/v1. Cookies are never looked at there, so a browser's
// sign-in cannot be ridden by a cross-site request (no CSRF on the API). Answers are problem details.
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TownSessionFactory sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 200) return AuthenticateResult.Fail("malformed key");

        // The key's account in one statement: a request to the API (the phone system's intake above all) costs
        // one round trip and one pooled connection for this, not two. Marten's Include would build a temporary
        // table per call, a hundred times dearer (docs/performance.md). A key works in its own town only: Marten
        // adds no town to SQL it is handed, so the conditions on tenant_id are written here.
        await using var session = sessions.QuerySession();
        var account = (await session.QueryAsync<Account>(
            $"where d.tenant_id = ? and d.id = (select (k.data ->> 'AccountId')::uuid from {Infrastructure.Persistence.PersistenceSetup.SchemaName}.mt_doc_apikey as k " +
            "where k.tenant_id = ? and k.id = ? and k.data ->> 'RevokedAt' is null)", Context.RequestAborted, session.TenantId, session.TenantId, Secrets.Hash(key))).SingleOrDefault();
        if (account is null) return AuthenticateResult.Fail("unknown or revoked key");
        if (account is not { Active: true }) return AuthenticateResult.Fail("account deactivated");

        var principal = SignIn.Principal(account, Guid.Empty, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized,
            "Bitte senden Sie einen gültigen API-Schlüssel im Header „Authorization: Bearer …“.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Dieser API-Schlüssel darf das nicht.");

    private async Task WriteProblemAsync(int status, string title)
    {
        Response.StatusCode = status;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
