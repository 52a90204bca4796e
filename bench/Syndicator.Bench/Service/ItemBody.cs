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

    /// <summary>
    /// Paragraphs that bring the item's JSON to about 4 KB, as a typical notice (plain words: nothing the compliance
    /// checks would stop — no digits that could read as a telephone or identity number).
    /// </summary>
    private static readonly string Paragraphs = string.Concat(Enumerable.Range(0, 12).Select(i =>
        $"<p>{"三四五六七八九十甲乙丙丁"[i]}、各单位要加强汛期值班值守，严格执行领导带班和值班人员二十四小时在岗制度，确保信息畅通。"
        + "对辖区内河道、堤防、闸站和山塘水库开展全面排查，发现隐患立即整改，不能立即整改的落实临时措施和责任人。</p>"));

    /// <summary>The item's JSON (about 4 KB), routed to <paramref name="channels"/> (default: the four sandbox channels).</summary>
    public static JsonObject Make(string id, IReadOnlyList<string>? channels = null) => new()
    {
        ["id"] = id,
        ["revision"] = 1,
        ["title"] = Title(id),
        ["summary"] = "汛前安全检查安排。",
        ["body"] = new JsonObject
        {
            ["format"] = "html",
            ["content"] = $"<p>各镇（街道）水利站：</p><p>为做好汛期安全工作（{id}），现将有关事项通知如下。</p><p>一、提前部署，落实责任。</p><p>二、加强巡查，消除隐患。</p>" + Paragraphs,
        },
        ["category"] = "工作信息",
        ["documentNumber"] = "桐水〔2026〕12号",
        ["writtenOn"] = "2026-03-01",
        ["channels"] = new JsonArray((channels ?? Channels).Select(c => (JsonNode?)c).ToArray()),
        ["approval"] = new JsonObject
        {
            ["providedBy"] = "张三",
            ["reviewedBy"] = new JsonArray("李四"),
            ["confidentialityReviewedBy"] = "王五",
        },
    };
}
