using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Finds out what a call whose answer was lost did, before anything is sent again. For <c>freepublish/submit</c>:
/// a draft leaves the draft box once it is submitted (reference §4, platform-truth W7), so a draft that is gone was
/// submitted — the article is then looked up in <c>freepublish/batchget</c> by this revision's marker (or its title),
/// paging back 20 at a time until the articles are older than the submit. It appears there only once its job finished
/// (W7), so while it is not found the delivery waits (Pending, on the poll schedule) for up to
/// <see cref="WeChatChannelOptions.ReconcileWait"/> after the submit; only then is it unconfirmed. A draft still there
/// is submitted again only after <see cref="WeChatChannelOptions.SubmitSettleWindow"/>.
/// </summary>
internal sealed class WeChatReconcile
{
    /// <summary>Drafts or articles per list call: the most one call gives (reference §4d, §5e; W7).</summary>
    private const int PageSize = 20;

    /// <summary>Clock difference allowed between us and WeChat when comparing an article's update_time with the submit.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly WeChatChannel _channel;
    private readonly WeChatSession _session;
    private readonly DeliveryContext _context;
    private readonly WeChatPublish _publish;

    public WeChatReconcile(WeChatChannel channel, WeChatSession session, DeliveryContext context, WeChatPublish publish)
    {
        _channel = channel;
        _session = session;
        _context = context;
        _publish = publish;
    }

    public async Task<ChannelOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var draft = _context.Checkpoint[WeChatPublish.DraftKey]!;
        var sentAt = DateTimeOffset.TryParse(_context.Checkpoint[WeChatPublish.SubmitSentAtKey], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        var answer = await _session.PostAsync("draft/get", new JsonObject { ["media_id"] = draft }, idempotent: true, cancellationToken);
        if (answer.Ok)
        {
            if (_channel.Time.GetUtcNow() - sentAt < _channel.Options.SubmitSettleWindow)
            {
                return _publish.Pending(
                    $"提交结果未知 the answer to freepublish/submit was lost and draft {draft} is still in the draft box; " +
                    $"not submitting again before {(sentAt + _channel.Options.SubmitSettleWindow).ToString("u", CultureInfo.InvariantCulture)} in case a publish job took it");
            }

            return await _publish.SubmitAsync(draft, cancellationToken);
        }

        if (answer.Errcode != 40007)
        {
            return WeChatOutcomes.Failure(_channel, answer);
        }

        var (articleId, url, searched, failure) = await FindPublishedAsync(sentAt, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (articleId is not null)
        {
            return await _publish.ConfirmAsync(articleId, url, cancellationToken);
        }

        var since = sentAt.ToString("u", CultureInfo.InvariantCulture);
        var giveUpAt = sentAt + _channel.Options.ReconcileWait;
        return _channel.Time.GetUtcNow() < giveUpAt
            ? await _publish.PendingAgainAsync(
                $"提交结果未知 the answer to freepublish/submit of draft {draft} was lost; the draft has left the draft box, so a publish job " +
                $"took it, but none of the {searched} articles published since {since} is item {_context.Item.Id} revision {_context.Item.Revision} " +
                $"yet (an article is listed only once its job finished); looking until {giveUpAt.ToString("u", CultureInfo.InvariantCulture)}",
                cancellationToken)
            : new ChannelOutcome.Unconfirmed(
                $"freepublish/submit of draft {draft} was sent at {since} but its answer was lost; the draft has left the draft box (so a publish " +
                $"job took it) but in {_channel.Options.ReconcileWait} none of the {searched} articles listed back to that time carries item " +
                $"{_context.Item.Id} revision {_context.Item.Revision}: the job may have failed; look in 发表记录 on mp.weixin.qq.com and " +
                "confirm the article's URL by hand, or retry");
    }

    /// <summary>A draft an earlier <c>draft/add</c> created for this revision, looked up by its marker.</summary>
    public async Task<(string? MediaId, ChannelOutcome? Failure)> FindDraftAsync(CancellationToken cancellationToken)
    {
        var answer = await _session.PostAsync("draft/batchget", List(), idempotent: true, cancellationToken);
        if (!answer.Ok)
        {
            return (null, WeChatOutcomes.Failure(_channel, answer));
        }

        var found = Items(answer).FirstOrDefault(i => WeChatBody.HasMarker(WeChatAnswer.String(First(i), "content"), _context.Item));
        return (found.ValueKind == JsonValueKind.Object ? WeChatAnswer.String(found, "media_id") : null, null);
    }

    /// <summary>
    /// Pages <c>freepublish/batchget</c> (newest first, 20 a page) until the article is found, the list ends, or a page
    /// reaches articles last updated before the submit (each list call spends the day's batchget budget).
    /// </summary>
    private async Task<(string? ArticleId, string? Url, int Searched, ChannelOutcome? Failure)> FindPublishedAsync(
        DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var title = _context.Item.TitleFor(_channel.Id);
        var live = _context.Live?.RemoteId;
        var oldest = (sentAt - ClockSkew).ToUnixTimeSeconds();
        var searched = 0;
        var byTitle = default(JsonElement?);
        for (var offset = 0; ; offset += PageSize)
        {
            var answer = await _session.PostAsync("freepublish/batchget", List(offset), idempotent: true, cancellationToken);
            if (!answer.Ok)
            {
                return (null, null, searched, WeChatOutcomes.Failure(_channel, answer));
            }

            var items = Items(answer);
            searched += items.Count;

            // The marker first; the title only if WeChat dropped the comment, and never the article this one replaces.
            var found = items.FirstOrDefault(i => WeChatBody.HasMarker(WeChatAnswer.String(First(i), "content"), _context.Item));
            if (found.ValueKind == JsonValueKind.Object)
            {
                return (WeChatAnswer.String(found, "article_id"), WeChatAnswer.String(First(found), "url"), searched, null);
            }

            byTitle ??= items.Where(i => WeChatAnswer.String(First(i), "title") == title && WeChatAnswer.String(i, "article_id") != live)
                .Select(static i => (JsonElement?)i).FirstOrDefault();
            var total = WeChatAnswer.Long(answer.Body, "total_count") ?? 0;
            var reachedOlder = items.Any(i => WeChatAnswer.Long(i, "update_time") is { } updated && updated < oldest);
            if (items.Count < PageSize || offset + PageSize >= total || reachedOlder)
            {
                return byTitle is { } t ? (WeChatAnswer.String(t, "article_id"), WeChatAnswer.String(First(t), "url"), searched, null) : (null, null, searched, null);
            }
        }
    }

    private static JsonObject List(int offset = 0) => new() { ["offset"] = offset, ["count"] = PageSize, ["no_content"] = 0 };

    private static List<JsonElement> Items(WeChatAnswer answer) =>
        answer.Body!.Value.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    /// <summary>The first news item of a listed draft or article.</summary>
    private static JsonElement? First(JsonElement listed) =>
        listed.TryGetProperty("content", out var content) && content.TryGetProperty("news_item", out var news)
            && news.ValueKind == JsonValueKind.Array && news.GetArrayLength() > 0
            ? news[0]
            : null;
}
