namespace DigitaleHilfe.Web.Features.Shared;

// Who runs the service, as the public pages, the footer and the visit sheet name it. A city sets these in
// configuration (section "Service"); the longer texts of the public pages can be replaced by files in
// PagesPath (see PublicPages).
public sealed class ServiceInfo
{
    public const string Section = "Service";

    public string Name { get; set; } = "Digitale Hilfe Kaiserslautern";
    public string HotlinePhone { get; set; } = "0631 365-1234";
    public string Email { get; set; } = "digitale-hilfe@kaiserslautern.example";
    public string Provider { get; set; } = "Stadtverwaltung Kaiserslautern, Referat Soziales";
    public string ProviderAddress { get; set; } = "Willy-Brandt-Platz 1, 67657 Kaiserslautern";
    public string Representative { get; set; } = "Die Oberbürgermeisterin / der Oberbürgermeister";
    public string DataProtectionOfficer { get; set; } = "Datenschutzbeauftragte der Stadtverwaltung, datenschutz@kaiserslautern.example";
    public string AccessibilityContact { get; set; } = "barrierefreiheit@kaiserslautern.example";
    public string Enforcement { get; set; } =
        "Landesbeauftragter für die Belange von Menschen mit Behinderungen Rheinland-Pfalz, Bauhofstraße 9, 55116 Mainz";
    public string AccessibilityStatementDate { get; set; } = "2026-11-27";
    // A folder with files named after the pages (datenschutz.html, impressum.html, barrierefreiheit.html,
    // leichte-sprache.html); a file there replaces the built-in text.
    public string? PagesPath { get; set; }

    public ServiceInfo Copy() => (ServiceInfo)MemberwiseClone();

    public string HotlineTel => "tel:" + new string(HotlinePhone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}
