using System.Net;
using System.Text;

namespace Syndicator.Core.Compliance;

/// <summary>
/// The text of HTML as a reader sees it, in one linear pass: inline tags dropped, a line break where a block ends (so that
/// "the start of a line" means something and digits in two cells never join), entities decoded, script and style left out.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section",
        "article", "blockquote", "pre", "hr", "header", "footer", "dd", "dt",
    };

    public static string Of(string html)
    {
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                text.Append(html, i, html.Length - i);
                break;
            }

            text.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var name = TagName(html, lt + 1, gt);
            if (Blocks.Contains(name))
            {
                text.Append('\n');
            }
            else if (name is "script" or "style" && html[lt + 1] != '/')
            {
                var close = html.IndexOf("</" + name, gt, StringComparison.OrdinalIgnoreCase);
                gt = close < 0 ? html.Length - 1 : Math.Max(gt, html.IndexOf('>', close) is var c && c < 0 ? html.Length - 1 : c);
            }

            // An inline tag adds nothing: "138<b>1234</b>5678" reads as one number, and is one.

            i = gt + 1;
        }

        return WebUtility.HtmlDecode(text.ToString());
    }

    private static string TagName(string html, int start, int end)
    {
        var i = start;
        if (i < end && html[i] == '/')
        {
            i++;
        }

        var from = i;
        while (i < end && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        return html[from..i].ToLowerInvariant();
    }
}
