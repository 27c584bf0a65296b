using System.Net;
using System.Net.Http.Json;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Accounts;
using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Privacy;
using Marten;

namespace DigitaleHilfe.IntegrationTests.Privacy;

public sealed class WithdrawalTests(AppFixture app) : PrivacyTest(app)
{
    [Fact]
    public async Task A_withdrawn_consent_cancels_the_scheduled_request_tells_the_volunteer_and_nothing_goes_out_afterwards()
    {
        var (volunteer, request) = await ClaimedAsync();
        await ScheduleAsync(volunteer, request, AppFixture.Start.AddDays(3));
        await SettleAsync();
        App.Smtp.Clear();
        Guid callerId;
        await using (var read = App.QuerySession()) callerId = (await read.LoadAsync<HelpRequest>(request))!.CallerId!.Value;

        var hotline = await App.ApiClientAsync(Role.Operator);
        var response = await hotline.PostAsJsonAsync($"/api/v1/callers/{callerId}/consent-withdrawn", new { note = "Anruf, möchte nicht mehr" });
        await SettleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cancelled = await RequestAsync(request);
        cancelled.Status.ShouldBe(RequestStatus.Cancelled);
        cancelled.AnonymisedAt.ShouldNotBeNull();
        var told = MailsTo(volunteer.Account.Email).ShouldHaveSingleItem();
        told.Subject.ShouldStartWith("Termin abgesagt");
        told.Attachments.ShouldNotBeEmpty();

        App.Smtp.Clear();
        foreach (var day in new[] { 2, 3, 4, 8, 12, 30 }) await AtAsync(AppFixture.Start.AddDays(day));
        App.Smtp.Messages.ShouldBeEmpty();

        await using var session = App.QuerySession();
        var history = (await session.Events.FetchStreamAsync(callerId)).Select(e => e.Data).ToList();
        history.OfType<ConsentWithdrawn>().ShouldHaveSingleItem().Note.ShouldBe(Erasure.Masked);
        history.OfType<CallerAnonymised>().ShouldHaveSingleItem().Reason.ShouldBe(ErasureReason.ConsentWithdrawn);
    }

    [Fact]
    public async Task The_hotline_records_a_withdrawal_on_the_callers_page_only_after_confirming_it()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var hotline = await App.SignedInClientAsync(Role.Operator);

        var unconfirmed = await FormPost.SubmitAsync(hotline, $"/Callers/{logged.CallerId}", new Dictionary<string, string> { ["Note"] = "Anruf" },
            $"/Callers/{logged.CallerId}/ConsentWithdrawn");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("Bitte bestätigen Sie, dass die Person ihre Einwilligung widerrufen hat.");
        (await RequestAsync(logged.Id)).Status.ShouldBe(RequestStatus.Open);

        var confirmed = await FormPost.SubmitAsync(hotline, $"/Callers/{logged.CallerId}",
            new Dictionary<string, string> { ["Note"] = "Anruf", ["ConfirmWithdrawal"] = "true" }, $"/Callers/{logged.CallerId}/ConsentWithdrawn");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await hotline.GetStringAsync(confirmed.Headers.Location!.ToString());
        page.ShouldContain("Der Widerruf ist erfasst");
        page.ShouldContain("Gelöschte Person");
        page.ShouldNotContain("Erika");
        (await RequestAsync(logged.Id)).Status.ShouldBe(RequestStatus.Cancelled);
    }

    [Fact]
    public async Task Only_coordinators_see_and_may_use_erasure_and_the_export_on_the_callers_page()
    {
        var logged = await App.SendAsync(AppFixture.ValidCall());
        var hotline = await App.SignedInClientAsync(Role.Operator);
        var coordinator = await App.SignedInClientAsync(Role.Coordinator);

        (await hotline.GetStringAsync($"/Callers/{logged.CallerId}")).ShouldNotContain("Endgültig löschen");
        (await coordinator.GetStringAsync($"/Callers/{logged.CallerId}")).ShouldContain("Endgültig löschen");
        var withoutReason = await FormPost.SubmitAsync(coordinator, $"/Callers/{logged.CallerId}", new Dictionary<string, string> { ["ConfirmErasure"] = "true" },
            $"/Callers/{logged.CallerId}/Erase");
        (await withoutReason.Content.ReadAsStringAsync()).ShouldContain("Bitte geben Sie den Grund für die Löschung an");
        var erased = await FormPost.SubmitAsync(coordinator, $"/Callers/{logged.CallerId}",
            new Dictionary<string, string> { ["Reason"] = "Wunsch der Person", ["ConfirmErasure"] = "true" }, $"/Callers/{logged.CallerId}/Erase");
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync($"/Callers/{logged.CallerId}")).ShouldContain("Die Daten der Person sind gelöscht.");
    }
}
