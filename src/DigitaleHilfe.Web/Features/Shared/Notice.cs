namespace DigitaleHilfe.Web.Features.Shared;

// A one-time confirmation shown after POST → redirect → GET ("Die Anfrage wurde gespeichert …").
public static class Notice
{
    public const string Key = "Notice";
}
