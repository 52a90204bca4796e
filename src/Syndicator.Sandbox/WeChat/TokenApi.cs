using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary><c>GET /cgi-bin/token</c> and <c>POST /cgi-bin/stable_token</c> (reference §1a, §1b).</summary>
internal static class TokenApi
{
    public static RouteGroupBuilder MapWeChatTokenApi(this RouteGroupBuilder wechat)
    {
        wechat.MapGet("/cgi-bin/token", Token);
        // Any other method of stable_token is answered 43002 by the platform, not by a 405.
        wechat.MapMethods("/cgi-bin/stable_token", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], RequirePost);
        wechat.MapPost("/cgi-bin/stable_token", StableToken);
        return wechat;
    }

    public static IResult Token(HttpRequest request, WeChatEmulator wechat)
    {
        var query = request.Query;
        lock (wechat.Gate)
        {
            var errcode = CheckCredentials(query["grant_type"], query["appid"], query["secret"], WeChatErrors.InvalidCredential);
            if (errcode != 0)
            {
                return wechat.Error(errcode);
            }

            if (!wechat.Quotas.HasRoom(QuotaBook.Token, wechat.Settings.TokenDailyLimit, wechat.Now))
            {
                return wechat.Error(WeChatErrors.DailyQuota, "reach max api daily quota limit, could get access_token by getStableAccessToken");
            }

            wechat.Quotas.Use(QuotaBook.Token, wechat.Now);
            return TokenAnswer(wechat.Tokens.IssuePlain(wechat.Now), wechat.Now);
        }
    }

    public static IResult RequirePost(WeChatEmulator wechat) => wechat.Error(WeChatErrors.RequirePost);

    public static async Task<IResult> StableToken(HttpRequest request, WeChatEmulator wechat)
    {
        // JSON only: a form or query-string request is refused as the platform refuses a non-POST one.
        if (!request.HasJsonContentType())
        {
            return wechat.Error(WeChatErrors.RequirePost);
        }

        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        lock (wechat.Gate)
        {
            var errcode = CheckCredentials(body.String("grant_type"), body.String("appid"), body.String("secret"), WeChatErrors.InvalidAppSecret);
            var force = body.Bool("force_refresh");
            var now = wechat.Now;
            if (errcode == 0 && !wechat.Quotas.HasRoom(QuotaBook.StableToken, wechat.Settings.StableTokenDailyLimit, now))
            {
                errcode = WeChatErrors.DailyQuota;
            }

            if (errcode == 0 && force && !wechat.Quotas.HasRoom(QuotaBook.ForceRefresh, wechat.Settings.ForceRefreshDailyLimit, now))
            {
                errcode = WeChatErrors.DailyQuota;
            }

            if (errcode != 0)
            {
                return wechat.Error(errcode);
            }

            wechat.Quotas.Use(QuotaBook.StableToken, now);
            if (force)
            {
                wechat.Quotas.Use(QuotaBook.ForceRefresh, now);
            }

            return TokenAnswer(wechat.Tokens.IssueStable(now, force), now);
        }
    }

    /// <summary>0 when the account's credentials are right; a wrong secret is <paramref name="wrongSecret"/>.</summary>
    private static int CheckCredentials(string? grantType, string? appId, string? secret, int wrongSecret) =>
        string.IsNullOrEmpty(appId) ? WeChatErrors.AppIdMissing
        : string.IsNullOrEmpty(secret) ? WeChatErrors.AppSecretMissing
        : grantType != SandboxCredentials.WeChatGrantType ? WeChatErrors.InvalidGrantType
        : appId != SandboxCredentials.WeChatAppId ? WeChatErrors.InvalidAppId
        : secret != SandboxCredentials.WeChatAppSecret ? wrongSecret
        : 0;

    private static IResult TokenAnswer(IssuedToken token, DateTimeOffset now) =>
        WeChatReply.Json(new JsonObject { ["access_token"] = token.Value, ["expires_in"] = token.ExpiresIn(now) });
}
