using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Reminders;
using Hangfire;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace DigitaleHilfe.IntegrationTests.Reminders;

// The guarantees under the reminders: at most one mail per reminder and recipient even when a job
// runs twice, nothing lost when the planner was down, retries while the mail server is away, and
// no endless retries for an address the server refuses.
public sealed class DeliveryTests(AppFixture app) : ReminderTest(app)
{
    private static readonly DateTimeOffset Start = AppFixture.Start;

    private async Task<PlannedReminder> PlanAsync(Guid request, ReminderKind kind)
    {
        await App.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
        await using var session = App.QuerySession();
        return (await session.LoadAsync<PlannedReminder>(PlannedReminder.IdFor(request, kind))).ShouldNotBeNull();
    }

    // What the dispatcher does, by hand, so that the test decides how often the job runs.
    private async Task<ReminderDelivery> DispatchByHandAsync(PlannedReminder plan)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
        // Dispatched "now": no dispatch round running beside the test sees its lease run out.
        var delivery = new ReminderDelivery
        {
            Id = plan.DeliveryId, PlanId = plan.Id, Occurrence = plan.Occurrence, DispatchKey = Guid.NewGuid(), DispatchedAt = App.Clock.GetUtcNow(),
        };
        session.Store(delivery);
        await session.SaveChangesAsync();
        return delivery;
    }

    // Three requests still open after a day, their escalations dispatched by hand: the entries of one job.
    private async Task<(Guid[] Requests, List<PlannedReminder> Plans, List<string> Entries)> ThreeEscalationsDispatchedAsync()
    {
        await CoordinatorAsync();
        var requests = new[] { await LogCallAsync(), await LogCallAsync(), await LogCallAsync() };
        await SettleAsync();
        var plans = new List<PlannedReminder>();
        foreach (var request in requests) plans.Add(await PlanAsync(request, ReminderKind.UnclaimedEscalation));
        App.Clock.SetUtcNow(plans.Max(p => p.DueAt));
        var entries = new List<string>();
        foreach (var plan in plans) entries.Add(SendReminders.Entry(await DispatchByHandAsync(plan)));
        return (requests, plans, entries);
    }

    private async Task RunJobAsync(ReminderDelivery delivery)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendReminder>().RunAsync(delivery.Id, delivery.DispatchKey!.Value);
    }

    [Fact]
    public async Task A_job_executed_twice_sends_one_email_and_records_one_ReminderSent()
    {
        var coordinator = await CoordinatorAsync();
        var request = await LogCallAsync();
        await SettleAsync();
        var plan = await PlanAsync(request, ReminderKind.UnclaimedEscalation);
        App.Clock.SetUtcNow(plan.DueAt);
        var delivery = await DispatchByHandAsync(plan);

        await RunJobAsync(delivery);
        await RunJobAsync(delivery);
        // Even a second dispatch with a fresh key (a lease ran out) finds the ReminderSent and stands down.
        await RunJobAsync(await DispatchByHandAsync(plan));

        MailsTo(coordinator.Email).Count(m => m.Subject!.Contains("Noch nicht übernommen")).ShouldBe(1);
        (await RemindersSentAsync(request)).Count(e => e.Kind == "UnclaimedEscalation").ShouldBe(1);
    }

    [Fact]
    public async Task The_mails_of_one_reminder_share_one_SMTP_connection()
    {
        var coordinators = new[] { await CoordinatorAsync(), await CoordinatorAsync(), await CoordinatorAsync() };
        await LogCallAsync();
        await SettleAsync();
        var before = App.Smtp.Sessions;

        await AtAsync(Start.AddHours(24));

        MailsAbout("Noch nicht übernommen").Count.ShouldBe(3);
        (App.Smtp.Sessions - before).ShouldBe(1);
    }

    [Fact]
    public async Task One_job_sends_the_reminders_of_several_requests_over_one_SMTP_connection_and_a_broken_entry_stops_none_of_them()
    {
        var (requests, _, entries) = await ThreeEscalationsDispatchedAsync();
        entries.Insert(1, "kaputt");
        var before = App.Smtp.Sessions;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var failed = await Should.ThrowAsync<ReminderBatchException>(() => scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync([.. entries]));
            failed.Message.ShouldContain("1 von 4");
        }

        MailsAbout("Noch nicht übernommen").Count.ShouldBe(3);
        (App.Smtp.Sessions - before).ShouldBe(1);
        foreach (var request in requests) (await RemindersSentAsync(request)).Count(e => e.Kind == "UnclaimedEscalation").ShouldBe(1);
    }

    [Fact]
    public async Task A_full_dispatch_round_is_followed_by_the_next_at_once_until_nothing_is_due()
    {
        await CoordinatorAsync();
        var requests = new List<Guid>();
        for (var i = 0; i < 5; i++) requests.Add(await LogCallAsync());
        await SettleAsync();
        App.Clock.SetUtcNow((await PlanAsync(requests[^1], ReminderKind.UnclaimedEscalation)).DueAt);
        var smallRounds = App.Variant(("Reminders:DispatchBatchSize", "2"));

        await using (var scope = smallRounds.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<DispatchReminders>().RunAsync()).ShouldBe(2);

        // No further round by hand: the first one enqueued the next (run by the suite's job server).
        var until = DateTime.UtcNow.AddSeconds(30);
        while (MailsAbout("Noch nicht übernommen").Count < 5 && DateTime.UtcNow < until) await Task.Delay(200);
        MailsAbout("Noch nicht übernommen").Count.ShouldBe(5);
    }

    [Fact]
    public async Task Reminders_still_with_their_job_do_not_hide_those_behind_them()
    {
        await CoordinatorAsync();
        foreach (var _ in Enumerable.Range(0, 3)) await LogCallAsync();
        await SettleAsync();
        App.Clock.SetUtcNow(Start.AddHours(24));
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First))
        {
            var due = await session.Query<PlannedReminder>().Where(p => p.Kind == ReminderKind.UnclaimedEscalation)
                .OrderBy(p => p.DueAt).ThenBy(p => p.Id).ToListAsync();
            due.Count.ShouldBe(3);
            foreach (var plan in due.Take(2))   // these two have a job running
                session.Store(new ReminderDelivery { Id = plan.DeliveryId, PlanId = plan.Id, Occurrence = plan.Occurrence, DispatchKey = Guid.NewGuid(), DispatchedAt = Start.AddHours(24) });
            await session.SaveChangesAsync();
        }

        // A node that hands out one reminder per round still finds the third.
        var node = App.Variant(("Reminders:DispatchBatchSize", "1"));
        await using var scope = node.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DispatchReminders>().RunAsync()).ShouldBe(1);

        await App.Smtp.WaitForMessageAsync(m => m.Subject!.Contains("Noch nicht übernommen"));
    }

    [Fact]
    public async Task Events_saved_while_no_planner_runs_are_planned_and_sent_when_it_starts_again()
    {
        var coordinator = App.Services.GetRequiredService<IProjectionCoordinator>();
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync();
        await SettleAsync();

        // The planner stops (as when the app goes down) before it has seen the claim.
        await coordinator.PauseAsync();
        try
        {
            await StepAsync(volunteer, request, "claim");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await using (var session = App.QuerySession())
                (await session.LoadAsync<PlannedReminder>(PlannedReminder.IdFor(request, ReminderKind.ClaimConfirmation))).ShouldBeNull();
            MailsAbout("Kontaktdaten").ShouldBeEmpty();
        }
        finally
        {
            // It starts again from the progress it stored in PostgreSQL, as after a restart.
            await coordinator.ResumeAsync();
        }
        await SettleAsync();

        var mail = MailsAbout("Kontaktdaten").ShouldHaveSingleItem();
        mail.To.ToString().ShouldContain(volunteer.Account.Email);
    }

    [Fact]
    public async Task A_request_snapshot_from_before_reminders_is_rebuilt_from_its_events_before_planning()
    {
        var coordinator = App.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        Guid request;
        try
        {
            request = await LogCallAsync();
            await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession(Towns.First);
            var stored = await session.LoadAsync<HelpRequest>(request);
            session.Store(stored! with { StatusSince = default });   // as written by the previous version
            await session.SaveChangesAsync();
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
        await SettleAsync();

        (await PlanAsync(request, ReminderKind.UnclaimedEscalation)).DueAt.ShouldBe(Start.AddHours(24));
        (await RequestAsync(request)).StatusSince.ShouldBe(Start);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_the_mail_waits_and_arrives_once_it_is_back()
    {
        var volunteer = await VolunteerAsync();
        var request = await LogCallAsync();
        await WhileMailServerIsDownAsync(async () =>
        {
            await StepAsync(volunteer, request, "claim");
            await SettleAsync();
            await AtAsync(Start.AddSeconds(30));
            await using (var session = App.QuerySession())
            {
                var plan = await session.LoadAsync<PlannedReminder>(PlannedReminder.IdFor(request, ReminderKind.ClaimConfirmation));
                var delivery = (await session.LoadAsync<ReminderDelivery>(plan!.DeliveryId)).ShouldNotBeNull();
                delivery.Done.ShouldBeFalse();
                delivery.Attempts.ShouldBe(1);
                delivery.NextAttemptAt.ShouldBe(Start.AddMinutes(1));   // the first back-off step
            }
        });

        await AtAsync(Start.AddMinutes(1));
        await AtAsync(Start.AddMinutes(30));

        MailsAbout("Kontaktdaten").ShouldHaveSingleItem().To.ToString().ShouldContain(volunteer.Account.Email);
        (await RemindersSentAsync(request)).ShouldHaveSingleItem().Complete.ShouldBeTrue();
    }

    [Fact]
    public async Task A_mail_that_fails_on_every_retry_ends_as_undeliverable_after_the_last_one()
    {
        var coordinator = await CoordinatorAsync();
        var request = await LogCallAsync();
        await SettleAsync();

        await WhileMailServerIsDownAsync(async () =>
        {
            var at = Start.AddHours(24);
            await AtAsync(at);
            foreach (var wait in ReminderOptions.DefaultRetryDelays) await AtAsync(at += wait);
        });
        await AtAsync(Start.AddDays(3));

        MailsAbout("Noch nicht übernommen").ShouldBeEmpty();
        await using var session = App.QuerySession();
        var entry = (await session.Query<UndeliverableEmail>().ToListAsync()).ShouldHaveSingleItem();
        entry.Recipient.ShouldBe($"Koordination {coordinator.Name}");
        entry.Attempts.ShouldBe(7);
        entry.Reason.ShouldStartWith("Nach 7 Versuchen nicht zugestellt");
        (await RemindersSentAsync(request)).Single(e => e.Kind == "UnclaimedEscalation").Undeliverable.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_refused_address_is_listed_as_undeliverable_and_not_retried()
    {
        var (volunteer, request) = await ClaimedAsync($"{TestSmtpServer.RefusedMarker}@example.org");
        var failedBefore = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount();

        await ScheduleAsync(volunteer, request, Start.AddDays(3));
        await SettleAsync();
        await AtAsync(Start.AddDays(1));
        await AtAsync(Start.AddDays(2));   // the reminder a day before goes to the same refused address

        MailsAbout("Termin eingetragen").ShouldHaveSingleItem().To.ToString().ShouldContain(volunteer.Account.Email);
        await using var session = App.QuerySession();
        var undeliverable = await session.Query<UndeliverableEmail>().OrderBy(u => u.At).ToListAsync();
        undeliverable.Count.ShouldBe(2);     // confirmation and reminder, each once
        undeliverable[0].Reason.ShouldContain("550");
        undeliverable[0].Attempts.ShouldBe(1);
        var sent = await RemindersSentAsync(request);
        sent.Single(e => e.Kind == "AppointmentConfirmation").Undeliverable.ShouldHaveSingleItem().ShouldEndWith("/caller");
        var coordinatorClient = await App.SignedInClientAsync(Web.Features.Accounts.Role.Coordinator);
        var page = await coordinatorClient.GetStringAsync("/Emails/Undeliverable");
        page.ShouldContain("Nicht zugestellte E-Mails");
        page.ShouldContain($"{TestSmtpServer.RefusedMarker}@example.org");
        page.ShouldContain("Terminbestätigung");
        // The job that met the refusal ends as failed in /jobs, without retries.
        App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount().ShouldBeGreaterThan(failedBefore);
    }

    [Fact]
    public async Task A_request_that_changes_while_its_job_is_mailing_gets_its_reminder_recorded_once_after_the_change_and_the_others_of_the_job_too()
    {
        var (requests, plans, entries) = await ThreeEscalationsDispatchedAsync();
        var store = App.Services.GetRequiredService<IDocumentStore>();

        App.Smtp.AnswerDelay = TimeSpan.FromMilliseconds(300);
        try
        {
            await using var scope = App.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync([.. entries]);
            await App.Smtp.WaitForMessageAsync(m => (m.Subject ?? "").Contains("Noch nicht übernommen"));
            // Somebody writes a note on the second request while the job is still talking to the mail server.
            await using (var session = store.LightweightSession(Towns.First))
            {
                session.Events.Append(requests[1], new NoteAdded(requests[1], "Bitte vormittags anrufen", "Koordination", App.Clock.GetUtcNow()));
                await session.SaveChangesAsync();
            }
            await job;
        }
        finally
        {
            App.Smtp.AnswerDelay = TimeSpan.Zero;
        }

        MailsAbout("Noch nicht übernommen").Count.ShouldBe(3);
        foreach (var request in requests) (await RemindersSentAsync(request)).Count(e => e.Kind == "UnclaimedEscalation").ShouldBe(1);
        await using var check = App.QuerySession();
        var changed = (await check.Events.FetchStreamAsync(requests[1])).Select(e => e.Data).ToList();
        changed.FindIndex(e => e is ReminderSent).ShouldBeGreaterThan(changed.FindIndex(e => e is NoteAdded));
        var deliveries = await check.LoadManyAsync<ReminderDelivery>(plans.Select(p => p.DeliveryId).ToArray());
        deliveries.Count.ShouldBe(3);
        deliveries.ShouldAllBe(d => d.Done);
    }

    [Fact]
    public async Task Two_reminders_of_one_request_in_one_job_are_both_handled()
    {
        var coordinator = await CoordinatorAsync();
        var request = (await App.SendAsync(AppFixture.ValidCall() with { District = "erfenbach", HelpMode = "telefon" })).Id;
        await SettleAsync();
        var later = await VolunteerAsync(topics: ["online-banking"]);   // joined after the first invitations: the widening invites her
        var escalation = await PlanAsync(request, ReminderKind.UnclaimedEscalation);
        var widening = await PlanAsync(request, ReminderKind.UnclaimedWidening);
        App.Clock.SetUtcNow(widening.DueAt);
        string[] entries = [SendReminders.Entry(await DispatchByHandAsync(escalation)), SendReminders.Entry(await DispatchByHandAsync(widening))];

        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(entries);

        MailsTo(coordinator.Email).Count(m => m.Subject!.Contains("Noch nicht übernommen")).ShouldBe(1);
        MailsTo(later.Account.Email).Count.ShouldBe(1);
        var sent = await RemindersSentAsync(request);
        sent.Count(e => e.Kind == "UnclaimedEscalation").ShouldBe(1);
        sent.Count(e => e.Kind == "UnclaimedWidening").ShouldBe(1);
    }
}
