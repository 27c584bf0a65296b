using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;

namespace DigitaleHilfe.IntegrationTests.Statistics;

// A year of request histories from a fixed seed: every path a request can take (claimed, scheduled,
// resolved, reopened, followed up, released, cancelled, assigned), over 2026, by both channels.
public static class RandomHistories
{
    public static readonly string[] Topics = ["tablet", "online-banking", "smartphone", "email"];
    public static readonly string[] Districts = ["innenstadt-ost", "erfenbach", "betzenberg"];
    public static readonly string[] Modes = ["telefon", "hausbesuch", "video"];

    public static IReadOnlyList<(Guid Id, object[] Events)> Generate(int seed, int requests, int callers, int volunteers)
    {
        var random = new Random(seed);
        var callerIds = Enumerable.Range(0, callers).Select(_ => new Guid(random.NextBytes16())).ToArray();
        var volunteerIds = Enumerable.Range(0, volunteers).Select(_ => new Guid(random.NextBytes16())).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime();
        var streams = new List<(Guid, object[])>();
        for (var i = 0; i < requests; i++)
        {
            var id = new Guid(random.NextBytes16());
            var at = start.AddMinutes(random.Next(0, 365 * 24 * 60));
            var events = new List<object>
            {
                new HelpRequestOpened(id, $"2026-{i + 1:D4}", callerIds[random.Next(callers)], Topics[random.Next(Topics.Length)], "…",
                    Districts[random.Next(Districts.Length)], Modes[random.Next(Modes.Length)], null, false, "Hanna", at, null,
                    random.Next(3) == 0 ? RequestChannels.Api : random.Next(5) == 0 ? null : RequestChannels.Hotline),
            };
            var path = random.Next(10);
            if (path == 0) { streams.Add((id, [.. events])); continue; }                   // still open
            if (path == 1) { events.Add(new RequestCancelled(id, "…", "Klaus", at.AddHours(random.Next(1, 100)))); streams.Add((id, [.. events])); continue; }
            var volunteer = volunteerIds[random.Next(volunteers)];
            at = at.AddMinutes(random.Next(1, 5 * 24 * 60));
            events.Add(random.Next(4) == 0 ? new RequestAssigned(id, volunteer, "V", "Klaus", at) : new RequestClaimed(id, volunteer, "V", at));
            if (path == 2)
            {
                at = at.AddHours(random.Next(1, 48));
                events.Add(new RequestReleased(id, volunteer, "…", "V", at));
                if (random.Next(2) == 0) events.Add(new RequestClaimed(id, volunteer = volunteerIds[random.Next(volunteers)], "V", at = at.AddHours(random.Next(1, 48))));
                else { streams.Add((id, [.. events])); continue; }
            }
            at = at.AddHours(random.Next(1, 72));
            events.Add(new AppointmentScheduled(id, at.AddDays(2), "telefon", null, "V", at));
            if (path == 3) { streams.Add((id, [.. events])); continue; }                   // waiting for the appointment
            at = at.AddDays(2).AddHours(1);
            events.Add(new RequestResolved(id, (Outcome)random.Next(5), random.Next(0, 240), volunteer, "V", at));
            if (path == 4)
            {
                events.Add(new RequestReopened(id, "Klaus", at = at.AddDays(random.Next(1, 10))));
                if (random.Next(2) == 0) events.Add(new RequestResolved(id, (Outcome)random.Next(5), random.Next(0, 120), volunteer, "V", at = at.AddDays(1)));
            }
            if (random.Next(3) > 0) events.Add(new FollowUpAnswered(id, random.Next(4) > 0, null, "Telefon", "Hanna", at = at.AddDays(7)));
            if (random.Next(2) == 0) events.Add(new RequestClosed(id, "Klaus", at.AddDays(1)));
            streams.Add((id, [.. events]));
        }
        return streams;
    }

    private static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}
