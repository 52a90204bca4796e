using AngleSharp.Html.Parser;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The body (正文) as sent: each <c>&lt;img src="NAME"&gt;</c> naming one of the item's images carries that image as a
/// <c>data:</c> URI. The receive interface takes one XML document and no image upload is known of it (reference
/// gov-cms-protocols §2.4 q4), so pictures travel inside the text they belong to.
/// </summary>
internal static class JcmsBody
{
    public static string Compose(ItemRevision item)
    {
        if (item.Images.Count == 0)
        {
            return item.BodyHtml;
        }

        var document = new HtmlParser().ParseDocument("");
        var body = document.Body!;
        body.InnerHtml = item.BodyHtml;
        var byName = item.Images.DistinctBy(i => i.Name, StringComparer.Ordinal).ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            if (byName.TryGetValue(Uri.UnescapeDataString(img.GetAttribute("src")!.Trim()), out var image))
            {
                img.SetAttribute("src", image.ToDataUri());
            }
        }

        return body.InnerHtml;
    }
}
