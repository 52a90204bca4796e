using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Bureau;

/// <summary>A content as the list answers it: the record, empty URL fields as <c>""</c>, plus the list's computed columns.</summary>
internal static class ContentListItem
{
    private static readonly string[] UrlFields = ["imageUrl", "videoUrl", "fileUrl", "linkUrl"];

    public static JsonObject From(BureauContent content, int sequence, BureauSettings settings)
    {
        var item = JsonSerializer.SerializeToNode(content, SandboxJson.Options)!.AsObject();
        foreach (var field in UrlFields)
        {
            item[field] ??= string.Empty;
        }

        item["state"] = content.Checked ? "已审核" : "待审核";
        item["sequence"] = sequence;
        item["channelName"] = BureauSite.Channels.GetValueOrDefault(content.ChannelId);
        // Source 0 is "entered in the back office", which is what SSCMS shows for contents added through the API.
        item["sourceName"] = "后台录入";
        // S7: the site's own address of the page, from its path rule and directory (GetContentUrlAsync).
        item["navigationUrl"] = settings.NavigationUrl(content);
        return item;
    }
}
