using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// The knobs tests turn on the WeChat emulator, through <c>POST /_sandbox/wechat/settings</c> (see
/// <see cref="WeChatSettingsApi"/>). <c>POST /_sandbox/reset</c> puts every one back to its default.
/// </summary>
internal sealed class WeChatSettings
{
    /// <summary>How long a publish job stays at status 1 (publishing) on the emulator's clock. Default: 2 s.</summary>
    public TimeSpan PublishDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The final status (0, 2, 3 or 4) of the next submitted job only; null (default) means 0.</summary>
    public int? NextPublishStatus { get; set; }

    /// <summary>Daily <c>cgi-bin/token</c> calls (reference §1a). Default: 2000.</summary>
    public int TokenDailyLimit { get; set; } = 2000;

    /// <summary>Daily <c>stable_token</c> calls (reference §1b). Default: 500 000.</summary>
    public int StableTokenDailyLimit { get; set; } = 500_000;

    /// <summary>Daily <c>stable_token</c> calls with force_refresh (reference §1b). Default: 20.</summary>
    public int ForceRefreshDailyLimit { get; set; } = 20;

    /// <summary>Daily accepted <c>freepublish/submit</c> calls (reference §5). Default: 100.</summary>
    public int SubmitDailyLimit { get; set; } = 100;

    /// <summary>Daily <c>freepublish/get</c> calls (发布状态轮询, platform-truth W1). Default: 100.</summary>
    public int GetDailyLimit { get; set; } = 100;

    /// <summary>Daily <c>freepublish/getarticle</c> calls (W1). Default: 100.</summary>
    public int GetArticleDailyLimit { get; set; } = 100;

    /// <summary>Daily <c>freepublish/batchget</c> calls (W1). Default: 100.</summary>
    public int BatchGetDailyLimit { get; set; } = 100;

    /// <summary>Daily <c>freepublish/delete</c> calls (W1). Default: 10.</summary>
    public int DeleteDailyLimit { get; set; } = 10;

    /// <summary>Daily <c>draft/add</c> calls (W1; reference §4). Default: 1000.</summary>
    public int DraftAddDailyLimit { get; set; } = 1000;

    /// <summary>Daily <c>draft/get</c> calls (W1; reference §4). Default: 500.</summary>
    public int DraftGetDailyLimit { get; set; } = 500;

    /// <summary>Daily <c>draft/batchget</c> calls (W1; reference §4). Default: 1000.</summary>
    public int DraftBatchGetDailyLimit { get; set; } = 1000;

    /// <summary>
    /// "API 群发保护" (reference §6, platform-truth W8): a send to all waits for an administrator and fails unless confirmed
    /// within 30 minutes. Default: off.
    /// </summary>
    public bool MassSendProtection { get; set; }

    /// <summary>With <see cref="MassSendProtection"/>, how long after a send the administrator confirms it; null (default): never.</summary>
    public TimeSpan? MassSendConfirmAfter { get; set; }

    /// <summary>Daily successful mass sends before 45028 (reference §6; a verified subscription account has 1). Default: 100.</summary>
    public int MassSendDailyLimit { get; set; } = 100;

    /// <summary><c>clear_quota</c> calls per month before 48006. Default: 10.</summary>
    public int ClearQuotaMonthlyLimit { get; set; } = 10;

    /// <summary>The media and content rules (W3–W6), see <see cref="WeChatMediaRules"/>.</summary>
    public WeChatMediaRules Media { get; } = new();

    public int DailyLimit(string path) => path switch
    {
        QuotaBook.Token => TokenDailyLimit,
        QuotaBook.StableToken => StableTokenDailyLimit,
        QuotaBook.Submit => SubmitDailyLimit,
        QuotaBook.MassSend => MassSendDailyLimit,
        QuotaBook.ForceRefresh => ForceRefreshDailyLimit,
        QuotaBook.PublishGet => GetDailyLimit,
        QuotaBook.GetArticle => GetArticleDailyLimit,
        QuotaBook.BatchGet => BatchGetDailyLimit,
        QuotaBook.Delete => DeleteDailyLimit,
        QuotaBook.DraftAdd => DraftAddDailyLimit,
        QuotaBook.DraftGet => DraftGetDailyLimit,
        QuotaBook.DraftBatchGet => DraftBatchGetDailyLimit,
        _ => int.MaxValue,
    };

    public JsonObject ToJson() => Media.With(new()
    {
        ["publishDelaySeconds"] = PublishDelay.TotalSeconds,
        ["nextPublishStatus"] = NextPublishStatus,
        ["tokenDailyLimit"] = TokenDailyLimit,
        ["stableTokenDailyLimit"] = StableTokenDailyLimit,
        ["forceRefreshDailyLimit"] = ForceRefreshDailyLimit,
        ["submitDailyLimit"] = SubmitDailyLimit,
        ["massSendDailyLimit"] = MassSendDailyLimit,
        ["clearQuotaMonthlyLimit"] = ClearQuotaMonthlyLimit,
        ["getDailyLimit"] = GetDailyLimit,
        ["getArticleDailyLimit"] = GetArticleDailyLimit,
        ["batchGetDailyLimit"] = BatchGetDailyLimit,
        ["deleteDailyLimit"] = DeleteDailyLimit,
        ["draftAddDailyLimit"] = DraftAddDailyLimit,
        ["draftGetDailyLimit"] = DraftGetDailyLimit,
        ["draftBatchGetDailyLimit"] = DraftBatchGetDailyLimit,
        ["massSendProtection"] = MassSendProtection,
        ["massSendConfirmAfterSeconds"] = MassSendConfirmAfter?.TotalSeconds,
    });

    /// <summary>Applies the fields present in <paramref name="body"/>; nothing is applied when any field is wrong.</summary>
    public static Dictionary<string, string[]> Validate(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The settings are a JSON object."];
            return errors;
        }

        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            var ok = property.Name switch
            {
                "publishDelaySeconds" => value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 86_400,
                "nextPublishStatus" => value.ValueKind == JsonValueKind.Null
                    || (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var status) && status is 0 or 2 or 3 or 4),
                "tokenDailyLimit" or "stableTokenDailyLimit" or "forceRefreshDailyLimit" or "submitDailyLimit" or "massSendDailyLimit"
                    or "clearQuotaMonthlyLimit" or "getDailyLimit" or "getArticleDailyLimit" or "batchGetDailyLimit" or "deleteDailyLimit"
                    or "draftAddDailyLimit" or "draftGetDailyLimit" or "draftBatchGetDailyLimit" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var limit) && limit >= 0,
                "massSendProtection" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "massSendConfirmAfterSeconds" => value.ValueKind == JsonValueKind.Null
                    || (value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 86_400),
                _ => WeChatMediaRules.IsValid(property.Name, value),
            };
            if (!ok)
            {
                errors[property.Name] = [$"'{property.Name}' is unknown or out of range; see WeChatSettingsApi."];
            }
        }

        return errors;
    }

    public void Apply(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "publishDelaySeconds": PublishDelay = TimeSpan.FromSeconds(value.GetDouble()); break;
                case "nextPublishStatus": NextPublishStatus = value.ValueKind == JsonValueKind.Null ? null : value.GetInt32(); break;
                case "tokenDailyLimit": TokenDailyLimit = value.GetInt32(); break;
                case "stableTokenDailyLimit": StableTokenDailyLimit = value.GetInt32(); break;
                case "forceRefreshDailyLimit": ForceRefreshDailyLimit = value.GetInt32(); break;
                case "submitDailyLimit": SubmitDailyLimit = value.GetInt32(); break;
                case "massSendDailyLimit": MassSendDailyLimit = value.GetInt32(); break;
                case "clearQuotaMonthlyLimit": ClearQuotaMonthlyLimit = value.GetInt32(); break;
                case "getDailyLimit": GetDailyLimit = value.GetInt32(); break;
                case "getArticleDailyLimit": GetArticleDailyLimit = value.GetInt32(); break;
                case "batchGetDailyLimit": BatchGetDailyLimit = value.GetInt32(); break;
                case "deleteDailyLimit": DeleteDailyLimit = value.GetInt32(); break;
                case "draftAddDailyLimit": DraftAddDailyLimit = value.GetInt32(); break;
                case "draftGetDailyLimit": DraftGetDailyLimit = value.GetInt32(); break;
                case "draftBatchGetDailyLimit": DraftBatchGetDailyLimit = value.GetInt32(); break;
                case "massSendProtection": MassSendProtection = value.GetBoolean(); break;
                case "massSendConfirmAfterSeconds":
                    MassSendConfirmAfter = value.ValueKind == JsonValueKind.Null ? null : TimeSpan.FromSeconds(value.GetDouble());
                    break;
                default: Media.Apply(property.Name, value); break;
            }
        }
    }
}
