using DigitaleHilfe.Web.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace DigitaleHilfe.Web.Features.Accounts;

// The extended certificate of conduct (erweitertes Führungszeugnis): a coordinator records when they saw
// it and when it was issued. Without a valid one a volunteer helps only by phone or video (the catalogue
// marks those modes Remote); the claim, assignment and matching rules enforce that.
public sealed class CertificateOptions
{
    public const string Section = "Certificates";
    // How long a certificate counts from its issue date, and how early coordinators are reminded.
    public int ValidYears { get; set; } = 5;
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(60);
}

// ValidUntil is fixed when the certificate is entered (issue date + Certificates:ValidYears).
public sealed record CertificateRecord(DateOnly IssuedOn, DateOnly SeenOn, string SeenBy, DateOnly ValidUntil);

public enum CertificateState { Missing, Valid, ExpiresSoon, Expired }

public static class CertificateRules
{
    public static CertificateRecord Of(DateOnly issuedOn, DateOnly seenOn, string seenBy, CertificateOptions o) =>
        new(issuedOn, seenOn, seenBy, issuedOn.AddYears(o.ValidYears));

    public static CertificateState State(CertificateRecord? c, DateOnly today, TimeSpan remindBefore) => c switch
    {
        null => CertificateState.Missing,
        _ when c.ValidUntil <= today => CertificateState.Expired,
        _ when c.ValidUntil <= today.AddDays((int)remindBefore.TotalDays) => CertificateState.ExpiresSoon,
        _ => CertificateState.Valid,
    };

    public static bool MayMeetInPerson(CertificateRecord? c, DateOnly today) => c is not null && c.ValidUntil > today;

    public static string German(CertificateRecord? c, DateOnly today, TimeSpan remindBefore) => State(c, today, remindBefore) switch
    {
        CertificateState.Missing => "Führungszeugnis fehlt – nur Telefon und Video",
        CertificateState.Expired => $"Führungszeugnis abgelaufen am {c!.ValidUntil:dd.MM.yyyy} – nur Telefon und Video",
        CertificateState.ExpiresSoon => $"Führungszeugnis läuft am {c!.ValidUntil:dd.MM.yyyy} ab – bitte neues ansehen",
        _ => $"Führungszeugnis gültig bis {c!.ValidUntil:dd.MM.yyyy}",
    };
}

// What the approval and certificate forms send: both dates or neither.
public sealed record CertificateInput
{
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? SeenOn { get; init; }
}

public sealed class CertificateInputValidator : AbstractValidator<CertificateInput>
{
    public CertificateInputValidator(TimeProvider clock, IOptions<CertificateOptions> options)
    {
        var today = () => DateOnly.FromDateTime(Shared.CityTime.Local(clock.GetUtcNow()).Date);
        RuleFor(i => i.IssuedOn).NotNull().When(i => i.SeenOn is not null)
            .WithMessage("Bitte geben Sie an, wann das Führungszeugnis ausgestellt wurde.");
        RuleFor(i => i.SeenOn).NotNull().When(i => i.IssuedOn is not null)
            .WithMessage("Bitte geben Sie an, wann Sie das Führungszeugnis gesehen haben.");
        RuleFor(i => i.IssuedOn).PlausibleDate()
            .Must(d => d is not { } issued || issued <= today()).WithMessage("Das Ausstellungsdatum darf nicht in der Zukunft liegen.")
            .Must(d => d is not { } issued || issued.AddYears(options.Value.ValidYears) > today())
            .WithMessage(_ => $"Dieses Führungszeugnis ist älter als {options.Value.ValidYears} Jahre und gilt nicht mehr.");
        RuleFor(i => i.SeenOn).PlausibleDate()
            .Must(d => d is not { } seen || seen <= today()).WithMessage("„Gesehen am“ darf nicht in der Zukunft liegen.")
            .Must((i, d) => d is not { } seen || i.IssuedOn is not { } issued || seen >= issued)
            .WithMessage("„Gesehen am“ kann nicht vor dem Ausstellungsdatum liegen.");
    }
}
