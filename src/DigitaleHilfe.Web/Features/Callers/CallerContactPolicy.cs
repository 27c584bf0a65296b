using System.Security.Claims;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;

namespace DigitaleHilfe.Web.Features.Callers;

// Object-level rule: who may see a senior's name and phone number on a given request. Used as
// `await authorization.AuthorizeAsync(User, request, CallerContact.Requirement)`; each further
// object-level rule is one requirement and one handler like this.
public static class CallerContact
{
    public static readonly IAuthorizationRequirement Requirement = new SeeCallerContact();

    public sealed class SeeCallerContact : IAuthorizationRequirement;

    public sealed class Handler : AuthorizationHandler<SeeCallerContact, HelpRequest>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SeeCallerContact requirement, HelpRequest resource)
        {
            // Operators took the call and coordinators step in; a volunteer sees it only for the
            // requests they hold.
            if (context.User.IsInRole(nameof(Role.Operator)) || context.User.IsInRole(nameof(Role.Coordinator))
                || (resource.VolunteerId is { } volunteer && context.User.IsOwnAccount(volunteer)))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }

    public static bool IsOwnAccount(this ClaimsPrincipal user, Guid accountId) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) == accountId.ToString();
}
