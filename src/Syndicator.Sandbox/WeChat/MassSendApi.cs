using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// <c>message/mass/sendall</c> and <c>message/mass/get</c> (reference §6). A send consumes its draft and becomes an
/// article at once — unless "API 群发保护" is on (setting <c>massSendProtection</c>) and it goes to all: then it stays
/// SENDING until the administrator confirms (<c>massSendConfirmAfterSeconds</c>) and is SEND_FAIL when not confirmed
/// within 30 minutes (SALL, BS; platform-truth W8). <c>msg_id</c> and <c>msg_data_id</c> are numbers.
/// </summary>
internal static class MassSendApi
{
    private const int ClientMsgIdMaxBytes = 64;

    public static RouteGroupBuilder MapWeChatMassSendApi(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/message/mass/sendall", SendAll);
        cgi.MapPost("/message/mass/get", Get);
        return cgi;
    }

    public static async Task<IResult> SendAll(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        var clientMsgId = body.String("clientmsgid");
        if (clientMsgId is not null && Encoding.UTF8.GetByteCount(clientMsgId) > ClientMsgIdMaxBytes)
        {
            return wechat.Error(WeChatErrors.ClientMsgIdTooLong);
        }

        if (body.String("msgtype") != "mpnews")
        {
            return wechat.Error(WeChatErrors.InvalidMessageType);
        }

        var mediaId = body.TryGetProperty("mpnews", out var mpnews) ? mpnews.String("media_id") : null;
        // Without a clientmsgid the platform deduplicates on a digest of scope and content.
        var key = clientMsgId ?? "digest:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Scope(body)}|{mediaId}")));
        var toAll = !body.TryGetProperty("filter", out var scope) || scope.Bool("is_to_all");
        lock (wechat.Gate)
        {
            wechat.Settle();
            return Send(wechat, key, mediaId, toAll);
        }
    }

    public static async Task<IResult> Get(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        lock (wechat.Gate)
        {
            wechat.Settle();
            return wechat.MassSends.Get(body.Long("msg_id")) is { } send
                ? WeChatReply.Json(new JsonObject { ["msg_id"] = send.MsgId, ["msg_status"] = send.Status(wechat.Now) })
                : wechat.Error(WeChatErrors.InvalidMsgId);
        }
    }

    private static IResult Send(WeChatEmulator wechat, string key, string? mediaId, bool toAll)
    {
        var now = wechat.Now;
        if (wechat.MassSends.Recent(key, now) is { } earlier)
        {
            if (now - earlier.LastAnsweredAt < MassSendStore.RetrySpacing)
            {
                return wechat.Error(WeChatErrors.ClientMsgIdTooFast);
            }

            earlier.LastAnsweredAt = now;
            var exists = wechat.ErrorBody(WeChatErrors.ClientMsgIdExists);
            exists["msg_id"] = earlier.MsgId;
            return WeChatReply.Json(exists);
        }

        if (wechat.Drafts.Get(mediaId) is not { } draft)
        {
            return wechat.Error(WeChatErrors.InvalidMediaId);
        }

        if (!wechat.Quotas.HasRoom(QuotaBook.MassSend, wechat.Settings.MassSendDailyLimit, now))
        {
            return wechat.Error(WeChatErrors.NoMassSendQuota);
        }

        wechat.Quotas.Use(QuotaBook.MassSend, now);
        wechat.Drafts.Remove(draft.MediaId);
        MassSend send;
        if (wechat.Settings.MassSendProtection && toAll)
        {
            send = wechat.MassSends.Add(key, now, draft.Articles, now + wechat.Settings.MassSendConfirmAfter);
        }
        else
        {
            send = wechat.MassSends.Add(key, now);
            wechat.Publishing.Add(draft.Articles, now, publishId: null, send.MsgId);
            wechat.Stats.Created();
        }

        return WeChatReply.Json(new JsonObject
        {
            ["errcode"] = 0,
            ["errmsg"] = "send job submission success",
            ["msg_id"] = send.MsgId,
            ["msg_data_id"] = wechat.Publishing.Articles.Count,
        });
    }

    private static string Scope(JsonElement body) =>
        body.TryGetProperty("filter", out var filter) && !filter.Bool("is_to_all") ? $"tag:{filter.String("tag_id")}" : "all";
}
