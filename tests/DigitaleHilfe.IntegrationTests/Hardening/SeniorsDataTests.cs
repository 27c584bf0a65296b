using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.Reminders;
using Hangfire;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Pen test, medium: admins saw a senior's name and address on "Nicht zugestellte E-Mails", and the
// Hangfire job details showed the address.
public sealed class SeniorsDataTests(AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task Admins_see_neither_the_name_nor_the_address_of_a_senior_whose_mail_was_refused_and_jobs_carry_ids_only()
    {
        const string address = $"erika.{TestSmtpServer.RefusedMarker}@example.org";
        var (volunteer, request) = await ClaimedAsync(callerEmail: address);
        await ScheduleAsync(volunteer, request, App.Clock.GetUtcNow().AddDays(3));
        await SettleAsync();
        await using (var session = App.QuerySession())
            (await session.Query<UndeliverableEmail>().ToListAsync()).ShouldContain(u => u.IsCaller);

        var admin = await App.SignedInClientAsync(Role.Admin);
        var adminPage = await admin.GetStringAsync("/Emails/Undeliverable");
        adminPage.ShouldNotContain("Mustermann");
        adminPage.ShouldNotContain(address);
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);
        var coordinatorPage = await coordinator.GetStringAsync("/Emails/Undeliverable");
        coordinatorPage.ShouldContain("Erika Mustermann");
        coordinatorPage.ShouldContain(address);

        var monitor = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitor.FailedJobs(0, 100).Select(j => j.Value).ToList();
        failed.ShouldNotBeEmpty();
        foreach (var job in failed)
        {
            job.ExceptionMessage.ShouldNotContain(address);
            // Ids: a delivery id and key, or a list of them (a job sends several reminders).
            job.Job.Args.ShouldAllBe(a => a is string || a is Guid || a is string[]);
            job.Job.Args.OfType<string>().Concat(job.Job.Args.OfType<string[]>().SelectMany(ids => ids))
                .ShouldAllBe(a => !a.Contains(address) && !a.Contains("Mustermann"));
        }
    }
}
