using Syndicator.Core.Items;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// The body (正文) as sent: each <c>&lt;img src="NAME"&gt;</c> naming one of the item's images carries that image as a
/// <c>data:</c> URI. The receive interface takes one XML document and no image upload is known of it (reference
/// gov-cms-protocols §2.4 q4), so pictures travel inside the text they belong to.
/// </summary>
internal static class JcmsBody
{
    public static string Compose(ItemRevision item) =>
        item.Images.Count == 0 ? item.BodyHtml : ItemHtml.InlineImages(item.BodyHtml, item.Images);
}
