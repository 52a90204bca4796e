using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// An addition to the control API (not part of the DESIGN §7 contract), under <c>/_sandbox/wechat</c>:
/// <list type="bullet">
/// <item><c>GET /_sandbox/wechat/settings</c> → the current settings.</item>
/// <item><c>POST /_sandbox/wechat/settings</c> with any of <c>{"publishDelaySeconds": 2, "nextPublishStatus": 0|2|3|4|null,
/// "tokenDailyLimit": 2000, "stableTokenDailyLimit": 500000, "forceRefreshDailyLimit": 20, "submitDailyLimit": 100,
/// "massSendDailyLimit": 100, "clearQuotaMonthlyLimit": 10, "getDailyLimit": 100, "getArticleDailyLimit": 100,
/// "batchGetDailyLimit": 100, "deleteDailyLimit": 10, "draftAddDailyLimit": 1000, "draftGetDailyLimit": 500,
/// "draftBatchGetDailyLimit": 1000, "massSendProtection": false, "massSendConfirmAfterSeconds": null}</c>, or any of the
/// media and content rules of <see cref="WeChatMediaRules"/> (<c>"strictMultipart": true, "coverMinWidth",
/// "coverMinHeight", "coverMaxAspect", "titleByteLimit", "authorByteLimit"</c>, each null = off) → 200 with the settings
/// now in force; 400 validation
/// problem (nothing applied) on an unknown field or a value out of range.</item>
/// </list>
/// <c>POST /_sandbox/reset</c> restores the defaults.
/// </summary>
internal static class WeChatSettingsApi
{
    public static RouteGroupBuilder MapWeChatSettingsApi(this RouteGroupBuilder control)
    {
        control.MapGet("/settings", Get);
        control.MapPost("/settings", Set);
        return control;
    }

    public static IResult Get(WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            return TypedResults.Ok(wechat.Settings.ToJson());
        }
    }

    public static async Task<IResult> Set(HttpRequest request, WeChatEmulator wechat)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: CancellationToken.None);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [exception.Message] });
        }

        var errors = WeChatSettings.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The WeChat settings are not valid.");
        }

        lock (wechat.Gate)
        {
            wechat.Settings.Apply(body);
            return TypedResults.Ok(wechat.Settings.ToJson());
        }
    }
}
