using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// The body as sent to SSCMS. v1 has no upload route for content images or files (only user avatars and visitor-form
/// fields can be uploaded), and <c>imageUrl</c> is a VARCHAR(500) column (S2), so with
/// <see cref="SsCmsChannelOptions.InlineMedia"/> the media travel inside the body as <c>data:</c> URIs: the cover as the
/// body's first figure, each <c>&lt;img src="NAME"&gt;</c> naming one of the item's images in place, attachments as
/// download links at the end. A hidden marker comment lets reconciliation tell our content from another with the
/// same title.
/// </summary>
internal static class SsCmsBody
{
    /// <summary>The class of the figure that carries the cover at the top of the body.</summary>
    public const string CoverClass = "syndicator-cover";

    private const string MarkerKey = "syndicator:item=";

    public static string Compose(ItemRevision item, bool inlineMedia = true)
    {
        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = inlineMedia ? ItemHtml.InlineImages(item.BodyHtml, item.Images) : item.BodyHtml;

        if (inlineMedia && item.Cover is { } cover)
        {
            PrependCover(document, body, cover, item.Title);
        }

        if (inlineMedia)
        {
            AppendAttachments(document, body, item.Attachments);
        }

        body.AppendChild(document.CreateComment($" {MarkerKey}{item.Id} "));
        return body.InnerHtml;
    }

    /// <summary>The item's images that its body shows (<c>&lt;img src="NAME"&gt;</c>), by name.</summary>
    public static IReadOnlyList<string> ImagesShown(ItemRevision item)
    {
        var names = item.Images.Select(static i => i.Name).ToHashSet(StringComparer.Ordinal);
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = item.BodyHtml;
        return [.. body.QuerySelectorAll("img[src]")
            .Select(static img => Uri.UnescapeDataString(img.GetAttribute("src")!.Trim()))
            .Where(names.Contains)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="body"/> carries the marker of item <paramref name="itemId"/> (and not of a longer id).</summary>
    public static bool HasMarker(string? body, string itemId) =>
        body is not null && MarkerPattern(itemId).IsMatch(body);

    private static void PrependCover(IDocument document, IElement body, MediaFile cover, string title)
    {
        var figure = document.CreateElement("figure");
        figure.ClassName = CoverClass;
        var img = document.CreateElement("img");
        img.SetAttribute("src", cover.ToDataUri());
        img.SetAttribute("alt", title);
        figure.AppendChild(img);
        body.Prepend(figure);
    }

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
        foreach (var (file, number) in attachments.Select((f, i) => (f, i + 1)))
        {
            // The browser saves the file under a generated name of its verified type; the sender's name is the link text.
            var link = document.CreateElement("a");
            link.SetAttribute("href", file.ToDataUri());
            link.SetAttribute("download", StoredFileNames.For(file, "att", number));
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
