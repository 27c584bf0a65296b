namespace DigitaleHilfe.Web.Features.Shared;

// A page that only tells the person something ("E-Mail ist unterwegs"), with an optional next step.
public sealed record MessagePage(string Title, string Text, (string Label, string Url)? Next = null);
