using System.Text.Json.Nodes;

namespace Syndicator.Testing.Processes;

/// <summary>Builds <c>POST /api/items</c> bodies.</summary>
public static class ItemJson
{
    /// <summary>An item for the bureau site alone, unless <paramref name="channels"/> says otherwise.</summary>
    public static JsonObject Make(
        string id, int revision = 1, string? title = null, string? body = null, string category = "工作信息", string[]? channels = null) => new()
    {
        ["id"] = id,
        ["revision"] = revision,
        ["title"] = title ?? $"关于{id}的通知",
        ["body"] = new JsonObject { ["format"] = "html", ["content"] = body ?? $"<p>{id} 正文</p>" },
        ["category"] = category,
        ["documentNumber"] = "桐水〔2026〕12号",
        ["writtenOn"] = "2026-03-01",
        ["channels"] = new JsonArray((channels ?? ["bureau"]).Select(c => (JsonNode?)c).ToArray()),
        ["approval"] = new JsonObject { ["providedBy"] = "张三", ["reviewedBy"] = new JsonArray("李四"), ["confidentialityReviewedBy"] = "王五" },
    };

    /// <summary>
    /// A new item id of letters only: the id is in the title and body <see cref="Make"/> writes, and a run of hex digits
    /// can read as a mobile number that the compliance check rightly refuses (one in a few hundred ids did).
    /// </summary>
    public static string NewId(string prefix = "it-") =>
        prefix + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 12);
}
