using System.Net;
using System.Text;

namespace DigitaleHilfe.Web.Infrastructure.Email;

// The one layout every email shares: greeting, short paragraphs, a list of facts, one button, a
// sign-off and a footer saying why the mail came. Written once, rendered as plain text and as HTML,
// so both parts always say the same.
public sealed class EmailLayout
{
    public const string SignOff = "Ihre Digitale Hilfe Kaiserslautern";

    private readonly List<(string? Text, IReadOnlyList<(string Label, string Value)>? Facts)> _blocks = [];
    private string _greeting = "Guten Tag,";
    private (string Text, string Url)? _button;
    private string? _footer;

    public EmailLayout Greeting(string? name)
    {
        _greeting = string.IsNullOrWhiteSpace(name) ? "Guten Tag," : $"Guten Tag {name},";
        return this;
    }

    // A null paragraph is left out, so optional lines read naturally in a chain.
    public EmailLayout Paragraph(string? text)
    {
        if (text is not null) _blocks.Add((text, null));
        return this;
    }

    // Label and value pairs; empty values are left out.
    public EmailLayout Facts(params (string Label, string? Value)[] facts)
    {
        var shown = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => (f.Label, f.Value!)).ToList();
        if (shown.Count > 0) _blocks.Add((null, shown));
        return this;
    }

    public EmailLayout Button(string text, string url)
    {
        _button = (text, url);
        return this;
    }

    public EmailLayout Footer(string text)
    {
        _footer = text;
        return this;
    }

    public EmailMessage To(string address, string subject) => new(address, subject, Text(), Html());

    private string Text()
    {
        var text = new StringBuilder().Append(_greeting).Append("\n\n");
        foreach (var (paragraph, facts) in _blocks)
        {
            if (paragraph is not null) text.Append(paragraph).Append("\n\n");
            if (facts is not null)
            {
                foreach (var (label, value) in facts) text.Append(label).Append(": ").Append(value.Replace("\n", "\n  ")).Append('\n');
                text.Append('\n');
            }
        }
        if (_button is { } b) text.Append(b.Text).Append(":\n").Append(b.Url).Append("\n\n");
        text.Append(SignOff).Append('\n');
        if (_footer is not null) text.Append("\n-- \n").Append(_footer).Append('\n');
        return text.ToString();
    }

    private string Html()
    {
        static string E(string s) => WebUtility.HtmlEncode(s).Replace("\n", "<br>");
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:1em\">")
            .Append("<p style=\"font-size:14px;color:#555;margin:0 0 1em\">Digitale Hilfe Kaiserslautern</p>")
            .Append("<p>").Append(E(_greeting)).Append("</p>");
        foreach (var (paragraph, facts) in _blocks)
        {
            if (paragraph is not null) html.Append("<p>").Append(E(paragraph)).Append("</p>");
            if (facts is not null)
            {
                html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 1em\">");
                foreach (var (label, value) in facts)
                    html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:.2em 1em .2em 0;font-weight:bold\">")
                        .Append(E(label)).Append("</th><td style=\"padding:.2em 0\">").Append(E(value)).Append("</td></tr>");
                html.Append("</table>");
            }
        }
        if (_button is { } b)
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(b.Url))
                .Append("\" style=\"display:inline-block;background:#0b5394;color:#fff;padding:.6em 1.2em;border-radius:4px;text-decoration:none;font-weight:bold\">")
                .Append(E(b.Text)).Append("</a></p>");
        html.Append("<p>").Append(E(SignOff)).Append("</p>");
        if (_footer is not null) html.Append("<hr><p style=\"font-size:14px;color:#555\">").Append(E(_footer)).Append("</p>");
        return html.Append("</body></html>").ToString();
    }
}
