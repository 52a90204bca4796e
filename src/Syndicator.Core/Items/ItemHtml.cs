using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Syndicator.Core.Items;

/// <summary>Conversions of a revision's sanitized body that more than one connector needs.</summary>
public static class ItemHtml
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "BLOCKQUOTE", "PRE", "TABLE", "UL", "OL", "SECTION",
    };

    /// <summary>The body with each <c>&lt;img src="NAME"&gt;</c> naming one of <paramref name="images"/> given that image's data URI.</summary>
    public static string InlineImages(string html, IReadOnlyList<MediaFile> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var body = Parse(html);
        var byName = images.DistinctBy(i => i.Name, StringComparer.Ordinal).ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            if (byName.TryGetValue(Uri.UnescapeDataString(img.GetAttribute("src")!.Trim()), out var image))
            {
                img.SetAttribute("src", image.ToDataUri());
            }
        }

        return body.InnerHtml;
    }

    /// <summary>The body as plain text: each paragraph, heading, list item or table row on its own line.</summary>
    public static string ToText(string html)
    {
        var text = new StringBuilder();
        Append(Parse(html), text);
        var lines = text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static IElement Parse(string html)
    {
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html;
        return body;
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' '));
                    break;
                case IElement { TagName: "BR" }:
                    text.Append('\n');
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.TagName);
                    text.Append(block ? "\n" : "");
                    Append(e, text);
                    text.Append(block ? "\n" : e.TagName is "TD" or "TH" ? "\t" : "");
                    break;
                default:
                    break;
            }
        }
    }
}
