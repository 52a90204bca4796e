using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The article content as sent to WeChat: the item's sanitized HTML with each <c>&lt;img src="NAME"&gt;</c> naming one
/// of the item's images pointed at its uploadimg URL (the only image source WeChat keeps, reference §8), and a
/// hidden marker comment by which reconciliation tells this revision's article from any other. Links leaving
/// WeChat become numbered notes: the platform drops external hyperlinks (reference §8; common practice is footnotes),
/// so the link text gets a "[n]" and a 注释 list at the end spells out each address.
/// </summary>
internal static class WeChatBody
{
    private const string MarkerKey = "syndicator:item=";

    /// <summary>The item's images the body refers to, by name, in order of first use.</summary>
    public static IReadOnlyList<MediaFile> ReferencedImages(ItemRevision item)
    {
        var byName = item.Images.DistinctBy(i => i.Name, StringComparer.Ordinal).ToDictionary(i => i.Name, StringComparer.Ordinal);
        return [.. Sources(item.BodyHtml).Where(byName.ContainsKey).Distinct(StringComparer.Ordinal).Select(n => byName[n])];
    }

    public static string Compose(ItemRevision item, IReadOnlyDictionary<string, string> uploaded)
    {
        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = item.BodyHtml;
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            if (uploaded.TryGetValue(Uri.UnescapeDataString(img.GetAttribute("src")!.Trim()), out var url))
            {
                img.SetAttribute("src", url);
            }
        }

        NoteExternalLinks(document);
        body.AppendChild(document.CreateComment($" {Marker(item)} "));
        return body.InnerHtml;
    }

    /// <summary>Replaces each link that leaves WeChat by its text and "[n]", and lists the addresses at the end.</summary>
    private static void NoteExternalLinks(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var body = document.Body!;
        var notes = new List<string>();
        foreach (var link in body.QuerySelectorAll("a[href]").ToList())
        {
            var href = link.GetAttribute("href")!.Trim();
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Host.EndsWith("mp.weixin.qq.com", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = notes.IndexOf(href) is var seen and >= 0 ? seen + 1 : AddNote(notes, href);
            var text = document.CreateElement("span");
            text.InnerHtml = link.InnerHtml;
            var mark = document.CreateElement("sup");
            mark.TextContent = $"[{number}]";
            text.AppendChild(mark);
            link.Replace(text);
        }

        if (notes.Count == 0)
        {
            return;
        }

        var heading = document.CreateElement("p");
        heading.TextContent = "注释：";
        body.AppendChild(heading);
        for (var i = 0; i < notes.Count; i++)
        {
            var note = document.CreateElement("p");
            note.TextContent = $"[{i + 1}] {notes[i]}";
            body.AppendChild(note);
        }
    }

    private static int AddNote(List<string> notes, string href)
    {
        notes.Add(href);
        return notes.Count;
    }

    /// <summary>Whether <paramref name="content"/> carries the marker of this revision of the item (and not of a longer id).</summary>
    public static bool HasMarker(string? content, ItemRevision item) =>
        content is not null && new Regex(Regex.Escape(Marker(item)) + "(?![0-9])", RegexOptions.CultureInvariant).IsMatch(content);

    private static string Marker(ItemRevision item) =>
        $"{MarkerKey}{item.Id};revision={item.Revision.ToString(CultureInfo.InvariantCulture)}";

    private static IEnumerable<string> Sources(string html)
    {
        var document = new HtmlParser().ParseDocument("");
        document.Body!.InnerHtml = html;
        return [.. document.Body.QuerySelectorAll("img[src]").Select(i => Uri.UnescapeDataString(i.GetAttribute("src")!.Trim()))];
    }
}
