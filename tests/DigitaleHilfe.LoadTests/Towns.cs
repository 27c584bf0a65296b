namespace DigitaleHilfe.LoadTests;

// The town a single-town installation has (the one the upgrade creates); sessions a test opens itself name it.
public static class Towns
{
    public const string First = DigitaleHilfe.Web.Features.Towns.FirstTownOptions.DefaultId;
}
