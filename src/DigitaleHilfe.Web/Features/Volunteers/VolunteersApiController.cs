using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Infrastructure;

namespace DigitaleHilfe.Web.Features.Volunteers;

[ApiController]
[Authorize(Roles = nameof(Role.Volunteer), Policy = Infrastructure.Auth.Policies.SignedIn)]
[IgnoreAntiforgeryToken]
[Route("api/v1/volunteers/me")]
public sealed class VolunteersApiController(IMediator mediator, IQuerySession session, ICurrentUser user) : ControllerBase
{
    [HttpPut]
    public async Task<IActionResult> Update(UpdateProfile.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        return await Get(ct);
    }

    [HttpGet]
    public async Task<IActionResult> Get(CancellationToken ct)
    {
        var id = user.Id!.Value;
        var p = await session.LoadAsync<VolunteerProfile>(id, ct) ?? new VolunteerProfile(id);
        return Ok(new
        {
            topics = p.Topics, districts = p.Districts, languages = p.Languages, helpModes = p.HelpModes, capacity = p.Capacity,
            availability = p.Availability.Select(a => new { day = a.Day, from = a.From.ToString("HH:mm"), to = a.To.ToString("HH:mm") }),
            pausedUntil = p.PausedUntil, maxInvitationsPerDay = p.MaxInvitationsPerDay,
            emails = new { claimDetails = p.Emails.ClaimDetails, appointmentReminders = p.Emails.AppointmentReminders, nudges = p.Emails.Nudges },
        });
    }
}
