using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary><c>clear_quota</c>, <c>clear_quota/v2</c> and <c>openapi/quota/get</c> (reference §7, quota tools).</summary>
internal static class QuotaApi
{
    public static RouteGroupBuilder MapWeChatQuotaApi(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/clear_quota", ClearQuota);
        cgi.MapPost("/openapi/quota/get", GetQuota);
        return cgi;
    }

    /// <summary>v2 needs no access_token (for when token fetching itself is exhausted), so it sits outside the token filter.</summary>
    public static RouteGroupBuilder MapWeChatClearQuotaV2(this RouteGroupBuilder wechat)
    {
        wechat.MapPost("/cgi-bin/clear_quota/v2", ClearQuotaV2);
        return wechat;
    }

    public static async Task<IResult> ClearQuota(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        return bodyError != 0 ? wechat.Error(bodyError)
            : body.String("appid") != SandboxCredentials.WeChatAppId ? wechat.Error(WeChatErrors.InvalidAppId)
            : Clear(wechat);
    }

    public static async Task<IResult> ClearQuotaV2(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        return bodyError != 0 ? wechat.Error(bodyError)
            : body.String("appid") != SandboxCredentials.WeChatAppId ? wechat.Error(WeChatErrors.InvalidAppId)
            : body.String("appsecret") != SandboxCredentials.WeChatAppSecret ? wechat.Error(WeChatErrors.InvalidAppSecret)
            : Clear(wechat);
    }

    public static async Task<IResult> GetQuota(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        var path = body.String("cgi_path");
        if (bodyError != 0 || path is null || !QuotaBook.ReportedPaths.Contains(path))
        {
            return wechat.Error(bodyError != 0 ? bodyError : WeChatErrors.InvalidCgiPath);
        }

        lock (wechat.Gate)
        {
            var limit = wechat.Settings.DailyLimit(path);
            var used = wechat.Quotas.Used(path, wechat.Now);
            return WeChatReply.Json(new JsonObject
            {
                ["errcode"] = 0,
                ["errmsg"] = "ok",
                ["quota"] = new JsonObject { ["daily_limit"] = limit, ["used"] = used, ["remain"] = Math.Max(0, limit - used) },
            });
        }
    }

    private static IResult Clear(WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            return wechat.Quotas.TryClear(wechat.Settings.ClearQuotaMonthlyLimit, wechat.Now)
                ? WeChatReply.Ok()
                : wechat.Error(WeChatErrors.ClearQuotaForbidden);
        }
    }
}
