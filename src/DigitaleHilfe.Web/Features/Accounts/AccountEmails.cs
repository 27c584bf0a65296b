using DigitaleHilfe.Web.Infrastructure.Email;

namespace DigitaleHilfe.Web.Features.Accounts;

// The account emails, in plain German, in the layout all emails share; short on purpose.
public static class AccountEmails
{
    public static EmailMessage ConfirmEmail(Account account, string link) => Build(account,
        "Bitte bestätigen Sie Ihre E-Mail-Adresse",
        "vielen Dank für Ihre Anmeldung als Helferin oder Helfer bei der Digitalen Hilfe.",
        "Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link:", link, "E-Mail-Adresse bestätigen",
        "Danach prüft die Koordination Ihre Anmeldung und schaltet Sie frei. Der Link gilt drei Tage.");

    public static EmailMessage AlreadyRegistered(Account account, string resetLink) => Build(account,
        "Sie haben bereits ein Konto",
        "jemand – vermutlich Sie – wollte sich gerade mit dieser E-Mail-Adresse neu registrieren. Sie haben aber schon ein Konto.",
        "Falls Sie Ihr Passwort vergessen haben, können Sie hier ein neues festlegen:", resetLink, "Passwort zurücksetzen",
        "Wenn Sie das nicht waren, können Sie diese E-Mail einfach ignorieren.");

    public static EmailMessage ResetPassword(Account account, string link) => Build(account,
        "Neues Passwort für die Digitale Hilfe",
        "Sie haben ein neues Passwort angefordert.",
        "Über diesen Link können Sie ein neues Passwort festlegen:", link, "Neues Passwort festlegen",
        "Der Link gilt eine Stunde und nur einmal. Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail bitte; Ihr Passwort bleibt unverändert.");

    public static EmailMessage Approved(Account account, string profileLink) =>
        new EmailLayout().Greeting(account.Name)
            .Paragraph("gute Nachricht: Die Koordination hat Sie als Helferin oder Helfer bei der Digitalen Hilfe freigeschaltet.")
            .Paragraph(account.Certificate is null
                ? "Sie können ab jetzt Anfragen übernehmen, bei denen per Telefon oder Video geholfen wird. Für Hausbesuche und Sprechstunden brauchen wir noch Ihr erweitertes Führungszeugnis – bitte zeigen Sie es der Koordination."
                : "Sie können ab jetzt offene Anfragen ansehen und übernehmen.")
            .Paragraph("Bitte prüfen Sie Ihr Profil, damit passende Anfragen oben stehen:")
            .Button("Zu meinem Profil", profileLink)
            .Paragraph("Vielen Dank, dass Sie mithelfen!")
            .To(account.Email, "Sie sind freigeschaltet");

    public static EmailMessage Rejected(Account account)
    {
        var layout = new EmailLayout().Greeting(account.Name)
            .Paragraph("vielen Dank für Ihr Interesse an der Digitalen Hilfe. Leider können wir Ihre Anmeldung als Helferin oder Helfer nicht annehmen.");
        if (account.Rejection is { ShowReason: true } rejection) layout = layout.Paragraph($"Der Grund: {rejection.Reason}");
        return layout.Paragraph("Wenn Sie Fragen haben, antworten Sie einfach auf diese E-Mail.")
            .To(account.Email, "Ihre Anmeldung bei der Digitalen Hilfe");
    }

    public static EmailMessage Invitation(Account account, string link) => Build(account,
        "Einladung zur Digitalen Hilfe",
        $"Sie sind eingeladen, bei der Digitalen Hilfe mitzuarbeiten: als {string.Join(", ", account.Roles.Select(RoleLabels.German))}.",
        "Bitte legen Sie über diesen Link Ihr Passwort fest:", link, "Passwort festlegen",
        "Der Link gilt nur einmal. Wenn Sie mit dieser Einladung nichts anfangen können, ignorieren Sie diese E-Mail bitte.");

    private static EmailMessage Build(Account account, string subject, string intro, string lead, string link, string button, string outro) =>
        new EmailLayout().Greeting(account.Name).Paragraph(intro).Paragraph(lead).Button(button, link).Paragraph(outro)
            .To(account.Email, subject);
}
