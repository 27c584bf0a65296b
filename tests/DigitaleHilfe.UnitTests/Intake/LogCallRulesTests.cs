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
    };

    [Fact]
    public void Decide_turns_a_call_into_HelpRequestLogged_with_who_and_when()
    {
        var id = Guid.NewGuid();

        var logged = LogCall.Decide(id, "2026-0042", Valid, "Hotline", Now);

        logged.ShouldBe(new HelpRequestLogged(id, "2026-0042", "Erika Mustermann", "0631 123456", "online-banking",
            "Die App fragt nach einem Code.", "innenstadt-ost", "hausbesuch", "Hotline", Now));
    }

    [Fact]
    public void A_logged_call_is_an_open_request()
    {
        var logged = LogCall.Decide(Guid.NewGuid(), "2026-0001", Valid, "Hotline", Now);

        var request = HelpRequest.Create(logged);

        request.Status.ShouldBe(RequestStatus.Open);
        request.Number.ShouldBe("2026-0001");
        request.LoggedAt.ShouldBe(Now);
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
            .ShouldBe(["CallerName", "Phone", "Topic", "Description", "District", "HelpMode"], ignoreOrder: true);
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

    [Theory]
    [InlineData("0631 / 12 34 56", true)]
    [InlineData("+49 631 123456", true)]
    [InlineData("(0631) 123456", true)]
    [InlineData("0049631123456", true)]
    [InlineData("12345", false)]
    [InlineData("ruft an", false)]
    [InlineData("0631-12a456", false)]
    public void Phone_numbers_must_look_diallable(string phone, bool expected)
    {
        PhoneNumbers.LooksDiallable(phone).ShouldBe(expected);
    }
}
