using FluentValidation;

namespace DigitaleHilfe.Web.Features.Towns;

// How a town appears to people: what adding a town and a town's own settings page both ask for, checked alike
// (generic, so it is only ever used inside those two validators and checked through them).
public interface ITownContact
{
    string? Name { get; }
    string? HotlinePhone { get; }
    string? SenderName { get; }
    string? SenderAddress { get; }
}

public sealed class TownContactRules<T> : AbstractValidator<T> where T : ITownContact
{
    public TownContactRules()
    {
        RuleFor(c => c.Name).MaximumLength(100).WithMessage("Der Name hat höchstens 100 Zeichen.");
        RuleFor(c => c.HotlinePhone).MaximumLength(40).WithMessage("Die Hotline-Nummer hat höchstens 40 Zeichen.")
            .Matches(@"^[0-9+()/ \-]*$").WithMessage("Die Hotline-Nummer besteht aus Ziffern, Leerzeichen und + ( ) / -.");
        RuleFor(c => c.SenderName).MaximumLength(100).WithMessage("Der Absendername hat höchstens 100 Zeichen.");
        RuleFor(c => c.SenderAddress).EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse an.")
            .MaximumLength(200).WithMessage("Die Adresse hat höchstens 200 Zeichen.");
        // Mail goes out from the installation's address unless the town has its own; a name alone would put the town's
        // name on the installation's address.
        RuleFor(c => c.SenderName).Empty().When(c => string.IsNullOrWhiteSpace(c.SenderAddress))
            .WithMessage("Ein Absendername braucht auch eine Absenderadresse.");
    }
}
