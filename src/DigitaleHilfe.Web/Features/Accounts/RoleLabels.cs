namespace DigitaleHilfe.Web.Features.Accounts;

public static class RoleLabels
{
    public static string German(Role role) => role switch
    {
        Role.Operator => "Hotline",
        Role.Volunteer => "Helfer/in",
        Role.Coordinator => "Koordination",
        Role.Admin => "Administration",
        Role.NetworkAdmin => "Netzwerk",
        _ => role.ToString(),
    };
}
