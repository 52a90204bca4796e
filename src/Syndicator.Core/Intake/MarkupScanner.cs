namespace Syndicator.Core.Intake;

/// <summary>What a linear pass over raw markup found, before anything parses it.</summary>
/// <param name="Depth">The deepest nesting of elements the markup would build (an estimate that errs high).</param>
/// <param name="Elements">Start tags.</param>
/// <param name="OpenFormatting">
/// The most formatting elements (<c>b</c>, <c>i</c>, <c>font</c>, …) left open at once: an HTML parser rebuilds every one
/// of them inside each following paragraph, so a few thousand open ones turn a short body into millions of elements.
/// </param>
internal readonly record struct MarkupShape(int Depth, int Elements, int OpenFormatting);

/// <summary>
/// Counts start and end tags without building a DOM, in time linear in the markup (the stack it keeps is searched at most
/// <c>depthLimit</c> deep, and the scan stops once a limit is passed). It follows the HTML parser where that lowers the
/// depth — void elements, <c>&lt;p&gt;</c> closed by a block, <c>&lt;li&gt;</c> and table cells closing their open
/// sibling, end tags closing what they enclose — and otherwise errs high: a self-closing <c>&lt;div/&gt;</c> counts as
/// open, as the HTML parser reads it.
/// </summary>
internal static class MarkupScanner
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>Start tags that close an open <c>&lt;p&gt;</c> (HTML's "close a p element").</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section",
        "table", "ul", "li", "dd", "dt",
    };

    /// <summary>Start tags that close an open sibling of the same kind (<c>&lt;li&gt;a&lt;li&gt;b</c>).</summary>
    private static readonly Dictionary<string, string[]> ClosesSibling = new(StringComparer.Ordinal)
    {
        ["li"] = ["li"], ["dt"] = ["dt", "dd"], ["dd"] = ["dt", "dd"], ["tr"] = ["tr", "td", "th"], ["td"] = ["td", "th"],
        ["th"] = ["td", "th"], ["option"] = ["option"], ["thead"] = ["thead", "tbody", "tfoot", "tr", "td", "th"],
        ["tbody"] = ["thead", "tbody", "tfoot", "tr", "td", "th"], ["tfoot"] = ["thead", "tbody", "tfoot", "tr", "td", "th"],
    };

    /// <summary>Scans <paramref name="markup"/>; stops early once depth or elements pass their limits.</summary>
    public static MarkupShape Scan(string markup, int depthLimit, int elementLimit)
    {
        var open = new List<string>();
        int depth = 0, elements = 0, formatting = 0, openFormatting = 0;
        var i = markup.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i < markup.Length - 1 && depth <= depthLimit && elements <= elementLimit && openFormatting <= depthLimit)
        {
            var closing = markup[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < markup.Length && (char.IsAsciiLetterOrDigit(markup[end]) || markup[end] is '-' or ':'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(markup[start]))
            {
                i = markup.IndexOf('<', i + 1);
                continue;
            }

            var name = markup[start..end].ToLowerInvariant();
            var gt = markup.IndexOf('>', end);
            if (closing)
            {
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }

                formatting = Formatting.Contains(name) ? Math.Max(0, formatting - 1) : formatting;
            }
            else
            {
                elements++;
                Open(open, name);
                formatting += Formatting.Contains(name) ? 1 : 0;
            }

            depth = Math.Max(depth, open.Count);
            openFormatting = Math.Max(openFormatting, formatting);
            i = gt < 0 ? -1 : markup.IndexOf('<', gt + 1);
        }

        return new MarkupShape(depth, elements, openFormatting);
    }

    private static void Open(List<string> open, string name)
    {
        if (open.Count > 0 && ClosesParagraph.Contains(name) && open[^1] == "p")
        {
            open.RemoveAt(open.Count - 1);
        }

        while (ClosesSibling.TryGetValue(name, out var siblings) && open.Count > 0 && siblings.Contains(open[^1], StringComparer.Ordinal))
        {
            open.RemoveAt(open.Count - 1);
        }

        // A trailing slash means nothing on an HTML element that is not void: <div/> opens a div.
        if (!Void.Contains(name))
        {
            open.Add(name);
        }
    }
}
