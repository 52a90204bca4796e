using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// The body as sent to SSCMS. v1 has no upload endpoint for content images or files, so media travel inside the
/// body as <c>data:</c> URIs: each <c>&lt;img src="NAME"&gt;</c> naming one of the item's images gets that image's
/// data URI, attachments are appended as download links, and a hidden marker comment lets reconciliation tell
/// our content from another with the same title.
/// </summary>
internal static class SsCmsBody
{
    private const string MarkerKey = "syndicator:item=";

    public static string Compose(ItemRevision item)
    {
        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = ItemHtml.InlineImages(item.BodyHtml, item.Images);

        AppendAttachments(document, body, item.Attachments);
        body.AppendChild(document.CreateComment($" {MarkerKey}{item.Id} "));
        return body.InnerHtml;
    }

    /// <summary>Whether <paramref name="body"/> carries the marker of item <paramref name="itemId"/> (and not of a longer id).</summary>
    public static bool HasMarker(string? body, string itemId) =>
        body is not null && MarkerPattern(itemId).IsMatch(body);

    private static void AppendAttachments(IDocument document, IElement body, IReadOnlyList<MediaFile> attachments)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        var section = document.CreateElement("div");
        section.ClassName = "syndicator-attachments";
        var heading = document.CreateElement("p");
        heading.TextContent = "附件：";
        var list = document.CreateElement("ul");
        foreach (var file in attachments)
        {
            var link = document.CreateElement("a");
            link.SetAttribute("href", file.ToDataUri());
            link.SetAttribute("download", file.Name);
            link.TextContent = file.Name;
            var entry = document.CreateElement("li");
            entry.AppendChild(link);
            list.AppendChild(entry);
        }

        section.AppendChild(heading);
        section.AppendChild(list);
        body.AppendChild(section);
    }

    // Item ids are [A-Za-z0-9._-]; the look-ahead keeps "item=a-1" from matching the marker of "a-12".
    private static Regex MarkerPattern(string itemId) =>
        new(Regex.Escape(MarkerKey + itemId) + "(?![A-Za-z0-9._-])", RegexOptions.CultureInvariant);
}
