using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Syndicator.Bench.Service;

/// <summary>A <c>POST /api/items</c> body routed to all four channels, as the approval system would send it.</summary>
internal static partial class ItemBody
{
    public static readonly string[] Channels = ["portal", "bureau", "approval", "wechat"];

    public static string Title(string id) => $"关于{id}防汛检查工作的通知";

    /// <summary>The item id within an article title the platform kept, or null.</summary>
    public static string? IdIn(string? title) => title is null ? null : IdPattern().Match(title) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("(?:b|warm)-[0-9a-f]{6}-[0-9]+")]
    private static partial Regex IdPattern();

    public static JsonObject Make(string id) => new()
    {
        ["id"] = id,
        ["revision"] = 1,
        ["title"] = Title(id),
        ["summary"] = "汛前安全检查安排。",
        ["body"] = new JsonObject
        {
            ["format"] = "html",
            ["content"] = $"<p>各镇（街道）水利站：</p><p>为做好汛期安全工作（{id}），现将有关事项通知如下。</p><p>一、提前部署，落实责任。</p><p>二、加强巡查，消除隐患。</p>",
        },
        ["category"] = "工作信息",
        ["documentNumber"] = "桐水〔2026〕12号",
        ["writtenOn"] = "2026-03-01",
        ["channels"] = new JsonArray(Channels.Select(c => (JsonNode?)c).ToArray()),
        ["approval"] = new JsonObject
        {
            ["providedBy"] = "张三",
            ["reviewedBy"] = new JsonArray("李四"),
            ["confidentialityReviewedBy"] = "王五",
        },
    };
}
