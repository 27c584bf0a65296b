namespace DigitaleHilfe.Web.Features.Accounts;

public static class AuditLabels
{
    public static string German(AuditKind kind) => kind switch
    {
        AuditKind.SignedIn => "Angemeldet",
        AuditKind.SignInFailed => "Anmeldung fehlgeschlagen",
        AuditKind.SignInRefusedLocked => "Anmeldung abgewiesen (gesperrt)",
        AuditKind.LockedOut => "Konto vorübergehend gesperrt",
        AuditKind.SignedOut => "Abgemeldet",
        AuditKind.SignedOutEverywhere => "Überall abgemeldet",
        AuditKind.Registered => "Registriert",
        AuditKind.EmailConfirmed => "E-Mail bestätigt",
        AuditKind.Approved => "Freigeschaltet",
        AuditKind.Deactivated => "Deaktiviert",
        AuditKind.Reactivated => "Wieder aktiviert",
        AuditKind.RolesChanged => "Rollen geändert",
        AuditKind.PasswordChanged => "Passwort geändert",
        AuditKind.PasswordResetRequested => "Neues Passwort angefordert",
        AuditKind.PasswordReset => "Passwort zurückgesetzt",
        AuditKind.AccountCreated => "Konto angelegt",
        AuditKind.ApiKeyCreated => "API-Schlüssel erstellt",
        AuditKind.Rejected => "Anmeldung abgelehnt",
        AuditKind.CertificateRecorded => "Führungszeugnis eingetragen",
        AuditKind.Invited => "Eingeladen",
        AuditKind.Erased => "Konto gelöscht",
        _ => kind.ToString(),
    };
}
