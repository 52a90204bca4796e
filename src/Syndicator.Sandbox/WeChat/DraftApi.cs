using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// <c>draft/add|get|update|delete|count|batchget</c> (reference §4). An unknown media_id, and an update index outside
/// the draft, answer 40007; a batchget count outside 1–20 answers 47001.
/// </summary>
internal static class DraftApi
{
    public static RouteGroupBuilder MapWeChatDraftApi(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/draft/add", Add);
        cgi.MapPost("/draft/get", Get);
        cgi.MapPost("/draft/update", Update);
        cgi.MapPost("/draft/delete", Delete);
        cgi.MapMethods("/draft/count", [HttpMethods.Get, HttpMethods.Post], Count);
        cgi.MapPost("/draft/batchget", BatchGet);
        return cgi;
    }

    public static async Task<IResult> Add(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        if (!body.TryGetProperty("articles", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            return wechat.Error(WeChatErrors.EmptyNewsData);
        }

        if (list.GetArrayLength() > DraftArticle.MaxArticles)
        {
            return wechat.Error(WeChatErrors.ArticleSizeOutOfLimit);
        }

        lock (wechat.Gate)
        {
            var articles = new List<DraftArticle>();
            foreach (var json in list.EnumerateArray())
            {
                var (article, errcode) = DraftArticle.Parse(json, list.GetArrayLength() == 1, wechat, WeChatReply.Origin(request));
                if (article is null)
                {
                    return wechat.Error(errcode);
                }

                articles.Add(article);
            }

            var draft = wechat.Drafts.Add(articles, wechat.Now);
            return WeChatReply.Json(new JsonObject { ["media_id"] = draft.MediaId });
        }
    }

    public static Task<IResult> Get(HttpRequest request, WeChatEmulator wechat) => WithDraftAsync(request, wechat, (_, draft) =>
        WeChatReply.Json(new JsonObject { ["news_item"] = NewsItems(draft, request, withContent: true) }));

    public static Task<IResult> Delete(HttpRequest request, WeChatEmulator wechat) => WithDraftAsync(request, wechat, (_, draft) =>
    {
        wechat.Drafts.Remove(draft.MediaId);
        return WeChatReply.Ok();
    });

    public static Task<IResult> Update(HttpRequest request, WeChatEmulator wechat) => WithDraftAsync(request, wechat, (body, draft) =>
    {
        var index = body.Int("index", -1);
        if (index < 0 || index >= draft.Articles.Count || !body.TryGetProperty("articles", out var json) || json.ValueKind != JsonValueKind.Object)
        {
            return wechat.Error(WeChatErrors.InvalidMediaId);
        }

        var (article, errcode) = DraftArticle.Parse(json, draft.Articles.Count == 1, wechat, WeChatReply.Origin(request));
        if (article is null)
        {
            return wechat.Error(errcode);
        }

        draft.Articles[index] = article;
        draft.UpdatedAt = wechat.Now;
        return WeChatReply.Ok();
    });

    public static IResult Count(WeChatEmulator wechat)
    {
        lock (wechat.Gate)
        {
            wechat.Settle();
            return WeChatReply.Json(new JsonObject { ["total_count"] = wechat.Drafts.Count });
        }
    }

    public static async Task<IResult> BatchGet(HttpRequest request, WeChatEmulator wechat)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        var (offset, count) = (body.Int("offset"), body.Int("count"));
        if (bodyError != 0 || offset < 0 || count is < 1 or > 20)
        {
            return wechat.Error(bodyError != 0 ? bodyError : WeChatErrors.DataFormatError);
        }

        lock (wechat.Gate)
        {
            wechat.Settle();
            var all = wechat.Drafts.All();
            var items = new JsonArray();
            foreach (var draft in all.Skip(offset).Take(count))
            {
                items.Add(new JsonObject
                {
                    ["media_id"] = draft.MediaId,
                    ["content"] = new JsonObject { ["news_item"] = NewsItems(draft, request, withContent: body.Int("no_content") != 1) },
                    ["update_time"] = draft.UpdatedAt.ToUnixTimeSeconds(),
                });
            }

            return WeChatReply.Json(new JsonObject { ["total_count"] = all.Count, ["item_count"] = items.Count, ["item"] = items });
        }
    }

    private static JsonArray NewsItems(Draft draft, HttpRequest request, bool withContent) =>
        [.. draft.Articles.Select((a, i) => (JsonNode)a.ToJson(withContent, WeChatPages.DraftUrl(request, draft.MediaId, i + 1)))];

    /// <summary>Reads <c>{"media_id"}</c> and runs <paramref name="action"/> on the draft under the lock; 40007 when there is none.</summary>
    private static async Task<IResult> WithDraftAsync(HttpRequest request, WeChatEmulator wechat, Func<JsonElement, Draft, IResult> action)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        lock (wechat.Gate)
        {
            wechat.Settle();
            return wechat.Drafts.Get(body.String("media_id")) is { } draft ? action(body, draft) : wechat.Error(WeChatErrors.InvalidMediaId);
        }
    }
}
