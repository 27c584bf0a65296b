using DigitaleHilfe.IntegrationTests.Reminders;
using DigitaleHilfe.IntegrationTests.Support;
using DigitaleHilfe.Web.Features.Reminders;
using DigitaleHilfe.Web.Infrastructure.Email;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.IntegrationTests.Hardening;

// Pen test, medium: a mail server that answered "250" only after the client's timeout got the claim
// confirmation with the senior's contact details four times.
public sealed class AmbiguousDeliveryTests(AppFixture app) : ReminderTest(app)
{
    [Fact]
    public async Task A_server_that_answers_after_the_timeout_gets_the_contact_details_once_and_a_retry_only_after_the_long_delay_with_the_same_message_id()
    {
        var sender = new MailKitEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1", Port = App.Smtp.Port, Timeout = TimeSpan.FromSeconds(1), Security = MailKit.Security.SecureSocketOptions.None,
        }), App.Services.GetRequiredService<DigitaleHilfe.Web.Infrastructure.Tenancy.ITownDirectory>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<MailKitEmailSender>.Instance);
        App.Smtp.AnswerDelay = TimeSpan.FromSeconds(2);
        var message = new EmailMessage("helferin@example.org", "Ihre Anfrage: Kontaktdaten", "Telefon 0631 123456") { DedupeKey = "delivery/volunteer" };

        var first = await sender.SendBatchAsync([message]);

        first[0].Status.ShouldBe(DeliveryStatus.Ambiguous);
        App.Smtp.Messages.Count.ShouldBe(1);
        App.Smtp.AnswerDelay = TimeSpan.Zero;
        (await sender.SendBatchAsync([message]))[0].Status.ShouldBe(DeliveryStatus.Delivered);
        App.Smtp.Messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_maybe_sent_claim_confirmation_waits_the_ambiguous_retry_delay_before_it_is_sent_again()
    {
        // The app's own client timeout, shortened for this test (the options object is the app's singleton).
        var smtp = App.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var timeout = smtp.Timeout;
        smtp.Timeout = TimeSpan.FromSeconds(1);
        try
        {
            var options = App.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
            App.Smtp.AnswerDelay = TimeSpan.FromSeconds(2);
            var (volunteer, request) = await ClaimedAsync();
            await SettleAsync();
            Confirmations(volunteer).Count.ShouldBe(1);
            App.Smtp.AnswerDelay = TimeSpan.Zero;

            await AtAsync(App.Clock.GetUtcNow() + options.Retries[0] + TimeSpan.FromMinutes(1));
            Confirmations(volunteer).Count.ShouldBe(1);

            await AtAsync(App.Clock.GetUtcNow() + options.AmbiguousRetryDelay);
            var all = Confirmations(volunteer);
            all.Count.ShouldBe(2);
            all.Select(m => m.MessageId).Distinct().Count().ShouldBe(1);
            (await RemindersSentAsync(request)).Count(r => r.Kind == nameof(ReminderKind.ClaimConfirmation)).ShouldBe(1);
        }
        finally
        {
            smtp.Timeout = timeout;
        }
    }

    private List<MimeKit.MimeMessage> Confirmations(Volunteer volunteer) =>
        MailsTo(volunteer.Account.Email).Where(m => m.Subject!.Contains("Kontaktdaten")).ToList();
}
