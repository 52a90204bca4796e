using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// <c>freepublish/submit|get|getarticle|delete|batchget</c> (reference §5). Ids are answered as the documents show
/// them: submit's <c>publish_id</c> as a string (PSUB example), get's as a number (as real answers are); clients must
/// read both. An unknown publish_id answers 40007, an unknown article_id or index 53600.
/// </summary>
internal static class PublishApi
{
    public static RouteGroupBuilder MapWeChatPublishApi(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/freepublish/submit", Submit);
        cgi.MapPost("/freepublish/get", Get);
        cgi.MapPost("/freepublish/getarticle", GetArticle);
        cgi.MapPost("/freepublish/delete", Delete);
        cgi.MapPost("/freepublish/batchget", BatchGet);
        return cgi;
    }

    public static Task<IResult> Submit(HttpRequest request, WeChatEmulator wechat) => LockedAsync(request, wechat, body =>
    {
        if (wechat.Drafts.Get(body.String("media_id")) is not { } draft)
        {
            return wechat.Error(WeChatErrors.InvalidMediaId);
        }

        if (!wechat.Quotas.HasRoom(QuotaBook.Submit, wechat.Settings.SubmitDailyLimit, wechat.Now))
        {
            return wechat.Error(WeChatErrors.DailyQuota);
        }

        wechat.Quotas.Use(QuotaBook.Submit, wechat.Now);
        var job = wechat.Publishing.Submit(draft, wechat.Now + wechat.Settings.PublishDelay, wechat.Settings.NextPublishStatus ?? 0);
        wechat.Settings.NextPublishStatus = null;

        // The draft leaves the draft box when it is submitted, not when the job ends (PSUB; platform-truth W7).
        wechat.Drafts.Remove(draft.MediaId);
        var id = job.PublishId.ToString(CultureInfo.InvariantCulture);
        return WeChatReply.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["publish_id"] = id, ["msg_data_id"] = id });
    });

    public static Task<IResult> Get(HttpRequest request, WeChatEmulator wechat) => LockedAsync(request, wechat, body =>
    {
        if (wechat.Publishing.Job(body.Long("publish_id")) is not { } job)
        {
            return wechat.Error(WeChatErrors.InvalidMediaId);
        }

        var article = wechat.Publishing.Article(job.ArticleId);
        var status = job.Status(article);
        var answer = new JsonObject { ["publish_id"] = job.PublishId, ["publish_status"] = status };
        if (status == 0 && article is not null)
        {
            var items = new JsonArray();
            for (var idx = 1; idx <= article.Items.Count; idx++)
            {
                items.Add(new JsonObject { ["idx"] = idx, ["article_url"] = WeChatPages.Url(request, article.PagePath(idx)) });
            }

            answer["article_id"] = article.ArticleId;
            answer["article_detail"] = new JsonObject { ["count"] = items.Count, ["item"] = items };
        }

        answer["fail_idx"] = status is 2 or 3 or 4 ? new JsonArray([.. Enumerable.Range(1, job.Articles.Count).Select(static i => (JsonNode)i)]) : [];
        return WeChatReply.Json(answer);
    });

    public static Task<IResult> GetArticle(HttpRequest request, WeChatEmulator wechat) => LockedAsync(request, wechat, body =>
        wechat.Publishing.Article(body.String("article_id")) is { } article
            ? WeChatReply.Json(new JsonObject { ["news_item"] = NewsItems(article, request, withContent: true) })
            : wechat.Error(WeChatErrors.InvalidArticleId));

    /// <summary><c>index</c> is 1-based; 0 or absent deletes every article (reference §5c).</summary>
    public static Task<IResult> Delete(HttpRequest request, WeChatEmulator wechat) => LockedAsync(request, wechat, body =>
    {
        var index = body.Int("index");
        if (wechat.Publishing.Article(body.String("article_id")) is not { } article || index < 0 || index > article.Items.Count)
        {
            return wechat.Error(WeChatErrors.InvalidArticleId);
        }

        foreach (var item in index == 0 ? article.Items : [article.Items[index - 1]])
        {
            item.Deleted = true;
        }

        article.UpdatedAt = wechat.Now;
        wechat.Stats.Deleted();
        return WeChatReply.Ok();
    });

    /// <summary>
    /// Lists published (not mass-sent) articles with at least one item left, newest first, at most 20 a call; a job's
    /// article is listed only once the job has finished (PSUB, batchget; platform-truth W7).
    /// </summary>
    public static Task<IResult> BatchGet(HttpRequest request, WeChatEmulator wechat) => LockedAsync(request, wechat, body =>
    {
        var (offset, count) = (body.Int("offset"), body.Int("count"));
        if (offset < 0 || count is < 1 or > 20)
        {
            return wechat.Error(WeChatErrors.DataFormatError);
        }

        var all = wechat.Publishing.Articles.Where(static a => a.PublishId is not null && !a.AllDeleted).Reverse().ToList();
        var items = new JsonArray();
        foreach (var article in all.Skip(offset).Take(count))
        {
            items.Add(new JsonObject
            {
                ["article_id"] = article.ArticleId,
                ["content"] = new JsonObject { ["news_item"] = NewsItems(article, request, withContent: body.Int("no_content") != 1) },
                ["update_time"] = article.UpdatedAt.ToUnixTimeSeconds(),
            });
        }

        return WeChatReply.Json(new JsonObject { ["total_count"] = all.Count, ["item_count"] = items.Count, ["item"] = items });
    });

    private static JsonArray NewsItems(PublishedArticle article, HttpRequest request, bool withContent) =>
        [.. article.Items.Select((item, i) => (JsonNode)item.Article.ToJson(withContent, WeChatPages.Url(request, article.PagePath(i + 1)), item.Deleted))];

    /// <summary>Reads the JSON body, then runs <paramref name="action"/> under the lock with due jobs settled first.</summary>
    private static async Task<IResult> LockedAsync(HttpRequest request, WeChatEmulator wechat, Func<JsonElement, IResult> action)
    {
        var (body, bodyError) = await WeChatReply.ReadJsonAsync(request);
        if (bodyError != 0)
        {
            return wechat.Error(bodyError);
        }

        lock (wechat.Gate)
        {
            wechat.Settle();
            return action(body);
        }
    }
}
