using DigitaleHilfe.Web.Features.HelpRequests;
using DigitaleHilfe.Web.Features.Intake;

namespace DigitaleHilfe.UnitTests.Intake;

public sealed class LogCallRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 15, 0, TimeSpan.Zero);

    private static LogCall.Command Valid => new()
    {
        CallerName = "  Erika Mustermann ", Phone = " 0631   123456 ", Topic = "online-banking",
        Description = "\n Die App fragt nach einem Code.  ", District = "innenstadt-ost", HelpMode = "hausbesuch",
        Consent = true, PreferredTimes = "  vormittags ", Urgent = true,
    };

    [Fact]
    public void Decide_opens_the_request_and_records_the_consent_with_who_and_when()
    {
        var (id, caller) = (Guid.NewGuid(), Guid.NewGuid());

        var events = LogCall.Decide(id, "2026-0042", caller, Valid, "Hanna", Now, ConsentText.Version(12));

        events.ShouldBe([
            new HelpRequestOpened(id, "2026-0042", caller, "online-banking", "Die App fragt nach einem Code.", "innenstadt-ost",
                "hausbesuch", "vormittags", true, "Hanna", Now, Channel: RequestChannels.Hotline),
            new ConsentRecorded(id, caller, ConsentText.Version(12), "Hanna", Now),
        ]);
    }

    [Fact]
    public void A_logged_call_is_an_open_request_of_its_caller()
    {
        var caller = Guid.NewGuid();
        var events = LogCall.Decide(Guid.NewGuid(), "2026-0001", caller, Valid, "Hanna", Now, ConsentText.Version(12));

        var request = ((HelpRequestOpened)events[0]) is var opened ? HelpRequest.Create(opened).Apply((ConsentRecorded)events[1]) : null!;

        request.Status.ShouldBe(RequestStatus.Open);
        request.CallerId.ShouldBe(caller);
        request.Urgent.ShouldBeTrue();
        request.ConsentVersion.ShouldBe(ConsentText.Version(12));
    }

    [Fact]
    public void Old_streams_opened_with_name_and_phone_still_read()
    {
        var legacy = new HelpRequestLogged(Guid.NewGuid(), "2026-0001", "Erika", "0631 123456", "smartphone", "…", "erfenbach", "telefon", "Hotline", Now);

        var request = HelpRequest.Create(legacy);

        request.CallerName.ShouldBe("Erika");
        request.CallerId.ShouldBeNull();
    }

    [Fact]
    public void Without_consent_the_call_is_refused_with_a_reason()
    {
        var result = new LogCall.Validator(TestCatalog.Create()).Validate(Valid with { Consent = false });

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("Ohne Einwilligung dürfen wir nichts speichern");
    }

    [Fact]
    public void A_complete_call_passes_validation()
    {
        new LogCall.Validator(TestCatalog.Create()).Validate(Valid).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void An_empty_call_names_every_required_field()
    {
        var result = new LogCall.Validator(TestCatalog.Create()).Validate(new LogCall.Command());

        result.Errors.Select(e => e.PropertyName).Distinct()
            .ShouldBe(["CallerName", "Phone", "Topic", "Description", "District", "HelpMode", "Consent"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Topic", "kochen")]
    [InlineData("District", "berlin-mitte")]
    [InlineData("HelpMode", "brieftaube")]
    public void Values_outside_the_catalogue_are_refused(string field, string value)
    {
        var command = field switch
        {
            "Topic" => Valid with { Topic = value },
            "District" => Valid with { District = value },
            _ => Valid with { HelpMode = value },
        };

        var result = new LogCall.Validator(TestCatalog.Create()).Validate(command);

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(field);
    }

    [Fact]
    public void Overlong_text_is_refused_with_the_limit_in_the_message()
    {
        var result = new LogCall.Validator(TestCatalog.Create())
            .Validate(Valid with { Description = new string('x', 4001), CallerName = new string('y', 201) });

        result.Errors.Select(e => e.PropertyName).ShouldBe(["CallerName", "Description"], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.ErrorMessage.Contains("höchstens"));
    }
}
