using DigitaleHilfe.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace DigitaleHilfe.Web.Infrastructure.Auth;

// Hangfire's dashboard shows the jobs of the whole installation (ids and each job's town, never a person). With one
// town its admin runs the installation; with several only the network admin does, so a town's admin sees no other
// town's work there.
public sealed class InstallationJobs : IAuthorizationRequirement;

public sealed class InstallationJobsAccess(ITownDirectory towns) : AuthorizationHandler<InstallationJobs>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstallationJobs requirement)
    {
        if (context.User.IsInRole(Policies.NetworkAdmin) || (context.User.IsInRole(Policies.Admin) && towns.Towns.Count <= 1))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
