using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Verification of a published article through the API rather than its page (which WeChat serves to browsers, not to
/// servers): <c>freepublish/getarticle</c> by the article_id this channel stored (reference §5d). An article deleted
/// (<c>is_deleted</c>) or unknown (53600) is missing — the state <c>freepublish/get</c> reports as publish_status 5
/// (deleted by the user) or 6 (banned by the system) (reference §5b); title and content are compared with what was sent.
/// Each read spends the day's getarticle budget (100 on a new account, platform-truth W1); once it is spent the
/// placement is not judged until the next quota day.
/// </summary>
internal static class WeChatVerify
{
    /// <summary>freepublish/getarticle of an article_id WeChat does not (or no longer) know.</summary>
    private const int InvalidArticleId = 53600;

    public static async Task<LiveCheck?> RunAsync(WeChatChannel channel, Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(placement.RemoteId))
        {
            return null;
        }

        var session = channel.OpenSession();
        var answer = await session.PostAsync(
            "freepublish/getarticle", new JsonObject { ["article_id"] = placement.RemoteId }, idempotent: true, cancellationToken);
        if (answer.Spent is not null)
        {
            // Today's getarticle budget is spent (platform-truth W1): no read, so nothing to judge; a later run checks it.
            return null;
        }

        if (answer.Errcode == InvalidArticleId)
        {
            return new LiveCheck(LiveStatus.Missing, null, null, $"文章不存在 WeChat knows no article {placement.RemoteId} (errcode {InvalidArticleId})");
        }

        if (!answer.Ok)
        {
            var why = answer.Answered ? $"answer {answer.Code}: {answer.Message}" : $"no answer: {answer.ErrorText}";
            return new LiveCheck(LiveStatus.Unreachable, null, null, $"无法读取文章 freepublish/getarticle of {placement.RemoteId}, {why}");
        }

        var index = Index(placement.Url);
        if (answer.Body is not { } body || !body.TryGetProperty("news_item", out var news) || news.ValueKind != JsonValueKind.Array
            || news.GetArrayLength() < index)
        {
            return new LiveCheck(LiveStatus.Missing, null, null, $"文章不存在 article {placement.RemoteId} has no item {index}");
        }

        var article = news[index - 1];
        if (article.TryGetProperty("is_deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
        {
            return new LiveCheck(LiveStatus.Missing, WeChatAnswer.String(article, "title"), null,
                $"文章已删除 article {placement.RemoteId} item {index} is deleted (is_deleted; publish_status 5/6)");
        }

        return LiveComparison.Compare(
            WeChatAnswer.String(article, "title"),
            WeChatAnswer.String(article, "content"),
            item.TitleFor(channel.Id),
            WeChatBody.Compose(item, new Dictionary<string, string>(StringComparer.Ordinal)));
    }

    /// <summary>The 1-based item of the article the URL points at (<c>idx=n</c>), 1 when it says none.</summary>
    private static int Index(Uri? url)
    {
        var query = url?.IsAbsoluteUri == true ? url.Query.TrimStart('?') : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("idx=", StringComparison.Ordinal)
                && int.TryParse(pair[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var idx) && idx >= 1)
            {
                return idx;
            }
        }

        return 1;
    }
}
