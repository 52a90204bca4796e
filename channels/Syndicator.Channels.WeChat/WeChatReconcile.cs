using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Finds out what a call whose answer was lost did, before anything is sent again. For <c>freepublish/submit</c>:
/// a draft leaves the draft box once it is published (reference §4), so a draft that is gone was submitted — the
/// article is then looked up in <c>freepublish/batchget</c> by this revision's marker (or its title). A draft still
/// there may belong to a job still running, so it is submitted again only after <see cref="SubmitSettleWindow"/>.
/// </summary>
internal sealed class WeChatReconcile
{
    /// <summary>How long after a lost submit a draft still in the draft box is taken to mean "not submitted".</summary>
    internal static readonly TimeSpan SubmitSettleWindow = TimeSpan.FromMinutes(30);

    /// <summary>How many of the newest drafts or articles are searched (the most one list call gives, reference §4d, §5e).</summary>
    private const int PageSize = 20;

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
        var answer = await _session.PostAsync("draft/get", new JsonObject { ["media_id"] = draft }, idempotent: true, cancellationToken);
        if (answer.Ok)
        {
            var sentAt = DateTimeOffset.TryParse(_context.Checkpoint[WeChatPublish.SubmitSentAtKey], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : DateTimeOffset.MinValue;
            if (_channel.Time.GetUtcNow() - sentAt < SubmitSettleWindow)
            {
                return _publish.Pending(
                    $"提交结果未知 the answer to freepublish/submit was lost and draft {draft} is still in the draft box; " +
                    $"not submitting again before {(sentAt + SubmitSettleWindow).ToString("u", CultureInfo.InvariantCulture)} in case a publish job took it");
            }

            return await _publish.SubmitAsync(draft, cancellationToken);
        }

        if (answer.Errcode != 40007)
        {
            return WeChatOutcomes.Failure(_channel, answer);
        }

        var (articleId, url, failure) = await FindPublishedAsync(cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return articleId is not null
            ? await _publish.ConfirmAsync(articleId, url, cancellationToken)
            : new ChannelOutcome.Unconfirmed(
                $"freepublish/submit of draft {draft} was sent but its answer was lost; the draft has left the draft box (so it was " +
                $"published) but none of the {PageSize} newest published articles carries item {_context.Item.Id} revision " +
                $"{_context.Item.Revision}: look in 发表记录 on mp.weixin.qq.com and confirm the article's URL by hand");
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

    private async Task<(string? ArticleId, string? Url, ChannelOutcome? Failure)> FindPublishedAsync(CancellationToken cancellationToken)
    {
        var answer = await _session.PostAsync("freepublish/batchget", List(), idempotent: true, cancellationToken);
        if (!answer.Ok)
        {
            return (null, null, WeChatOutcomes.Failure(_channel, answer));
        }

        var title = _context.Item.TitleFor(_channel.Id);
        var live = _context.Live?.RemoteId;
        var items = Items(answer);

        // The marker first; the title only if WeChat dropped the comment, and never the article this one replaces.
        var found = items.FirstOrDefault(i => WeChatBody.HasMarker(WeChatAnswer.String(First(i), "content"), _context.Item));
        if (found.ValueKind != JsonValueKind.Object)
        {
            found = items.FirstOrDefault(i => WeChatAnswer.String(First(i), "title") == title && WeChatAnswer.String(i, "article_id") != live);
        }

        return found.ValueKind == JsonValueKind.Object
            ? (WeChatAnswer.String(found, "article_id"), WeChatAnswer.String(First(found), "url"), null)
            : (null, null, null);
    }

    private static JsonObject List() => new() { ["offset"] = 0, ["count"] = PageSize, ["no_content"] = 0 };

    private static List<JsonElement> Items(WeChatAnswer answer) =>
        answer.Body!.Value.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [];

    /// <summary>The first news item of a listed draft or article.</summary>
    private static JsonElement? First(JsonElement listed) =>
        listed.TryGetProperty("content", out var content) && content.TryGetProperty("news_item", out var news)
            && news.ValueKind == JsonValueKind.Array && news.GetArrayLength() > 0
            ? news[0]
            : null;
}
