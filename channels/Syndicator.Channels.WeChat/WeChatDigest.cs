using System.Globalization;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The daily mass-send digest (群发, reference §6): the items chosen by <see cref="WeChatDigestSelection"/> go into one
/// multi-article draft and one <c>message/mass/sendall</c> whose <c>clientmsgid</c> is derived from the digest, so a
/// repeated send is answered 45065 ("already sent") and counts as sent. Each step is recorded in the shared channel
/// state before the next, so running the job twice — or on two nodes — sends once. 45028 (no mass-send quota left)
/// defers: the window does not move, so the next day's digest carries the items. An accepted send is not yet a sent
/// one: with "API 群发保护" on, a send to all waits for an administrator and fails if not confirmed within 30 minutes
/// (platform-truth W8), so the digest asks <c>message/mass/get</c> and is called sent only on <c>SEND_SUCCESS</c>; a
/// failed send leaves the window where it was, so the next digest carries the items.
/// </summary>
internal sealed class WeChatDigest
{
    public const string JobName = "mass-send-digest";
    private const string LastWindowKey = "massdigest:last";
    private const int ClientMsgIdExists = 45065;
    private const int ClientMsgIdTooFast = 45066;
    private const int NoMassSendQuota = 45028;

    private readonly WeChatChannel _channel;
    private readonly IItemStore _items;

    public WeChatDigest(WeChatChannel channel, IItemStore items)
    {
        _channel = channel;
        _items = items;
    }

    /// <summary>The job the host schedules: every day at <see cref="WeChatMassSendOptions.SendAt"/>, Beijing time.</summary>
    public ChannelJob Job()
    {
        var at = _channel.Options.MassSend.SendAt;
        var cron = string.Create(CultureInfo.InvariantCulture, $"{at.Seconds} {at.Minutes} {at.Hours} * * ?");
        return new ChannelJob(_channel.Id, JobName, cron, Beijing, RunAsync);
    }

    internal static TimeZoneInfo Beijing { get; } =
        TimeZoneInfo.CreateCustomTimeZone("Beijing", WeChatOutcomes.BeijingOffset, "Beijing (UTC+8)", "Beijing (UTC+8)");

    internal static DateOnly BeijingDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(WeChatOutcomes.BeijingOffset).DateTime);

    internal static string KeyOf(DateOnly day) => "massdigest:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<ChannelJobResult> RunAsync(ChannelJobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var key = KeyOf(BeijingDay(run.ScheduledFor));
        var (record, version) = await LoadAsync(key, cancellationToken);
        if (record is null)
        {
            var last = (await _channel.State.GetAsync(_channel.Id, LastWindowKey, cancellationToken))?.Value;
            var selected = await WeChatDigestSelection.SelectAsync(_channel, _items, run.ScheduledFor, ParseInstant(last), cancellationToken);
            (record, version) = await SaveAsync(key, selected, 0, cancellationToken);
        }

        var session = _channel.OpenSession();
        if (record.Phase == WeChatDigestRecord.Selected)
        {
            var (drafted, failure) = await DraftAsync(session, record, cancellationToken);
            if (drafted is null)
            {
                return failure!;
            }

            (record, version) = await SaveAsync(key, drafted, version, cancellationToken);
        }

        return record.Phase switch
        {
            WeChatDigestRecord.Drafted => await SendAsync(session, key, record, version, cancellationToken),
            WeChatDigestRecord.Submitted => await CheckSentAsync(session, key, record, version, cancellationToken),
            WeChatDigestRecord.Sent => Done(record, "今日群发已发送 already sent"),
            WeChatDigestRecord.Failed => new ChannelJobResult($"今日群发失败 the day's send failed (msg_id {record.MsgId}); the next digest carries its items ({Articles(record)})"),
            WeChatDigestRecord.Deferred => new ChannelJobResult($"群发额度已用完，摘要顺延至次日 no mass-send quota left: the digest moves to the next day ({Articles(record)})"),
            _ => new ChannelJobResult($"今日无可群发的信息 nothing to send: no item went live on the account since the last digest{LeftOut(record)}"),
        };
    }

    private async Task<(WeChatDigestRecord? Drafted, ChannelJobResult? Failure)> DraftAsync(
        WeChatSession session, WeChatDigestRecord record, CancellationToken cancellationToken)
    {
        var articles = new JsonArray();
        foreach (var entry in record.Items)
        {
            if (await _items.GetRevisionAsync(entry.ItemId, entry.Revision, cancellationToken) is not { } item)
            {
                return (null, new ChannelJobResult($"摘要中的信息 {entry.ItemId} r{entry.Revision} 不在存储中 the item is missing from the store"));
            }

            var (article, failure) = await ArticleAsync(session, entry, item, cancellationToken);
            if (article is null)
            {
                return (null, failure);
            }

            articles.Add(article);
        }

        var answer = await session.PostAsync("draft/add", new JsonObject { ["articles"] = articles }, idempotent: false, cancellationToken);
        return answer.Ok && answer.String("media_id") is { Length: > 0 } mediaId
            ? (record with { Phase = WeChatDigestRecord.Drafted, DraftMediaId = mediaId }, null)
            : (null, Retry(answer));
    }

    private async Task<(JsonObject? Article, ChannelJobResult? Failure)> ArticleAsync(
        WeChatSession session, WeChatDigestEntry entry, ItemRevision item, CancellationToken cancellationToken)
    {
        // The publish uploaded these already; a digest re-uploads only what its checkpoint no longer names.
        var images = new Dictionary<string, string>(entry.Images, StringComparer.Ordinal);
        foreach (var image in WeChatBody.ReferencedImages(item).Where(i => !images.ContainsKey(i.Name)))
        {
            var uploaded = await session.UploadAsync("media/uploadimg", WeChatImages.Fitted(image, WeChatImageUse.Body), cancellationToken);
            if (!uploaded.Ok || uploaded.String("url") is not { Length: > 0 } url)
            {
                return (null, Retry(uploaded));
            }

            images[image.Name] = url;
        }

        var thumb = entry.ThumbMediaId;
        if (thumb is null && (item.Cover ?? _channel.DefaultCover) is { } cover)
        {
            var added = await session.UploadAsync("material/add_material?type=image", WeChatImages.Fitted(cover, WeChatImageUse.Cover), cancellationToken);
            if (!added.Ok || added.String("media_id") is not { Length: > 0 } mediaId)
            {
                return (null, Retry(added));
            }

            thumb = mediaId;
        }

        return thumb is null
            ? (null, new ChannelJobResult($"信息 {item.Id} 没有封面 the item has no cover and none is configured (Channels:{_channel.Id}:DefaultCoverBase64)"))
            : (WeChatArticle.Build(_channel, item, images, thumb, readMore: null), null);
    }

    private async Task<ChannelJobResult> SendAsync(
        WeChatSession session, string key, WeChatDigestRecord record, long version, CancellationToken cancellationToken)
    {
        var answer = await session.PostAsync("message/mass/sendall", SendBody(record), idempotent: false, cancellationToken);
        if (answer.Ok || answer.Errcode == ClientMsgIdExists)
        {
            // 45065: a send with this clientmsgid went out within 24 h (an earlier run whose answer was lost) — it is ours.
            var submitted = record with { Phase = WeChatDigestRecord.Submitted, MsgId = answer.Long("msg_id") };
            (submitted, version) = await SaveAsync(key, submitted, version, cancellationToken);
            var accepted = answer.Ok ? "群发已提交 digest accepted" : "群发此前已提交 digest had been accepted already (45065)";
            return await CheckSentAsync(session, key, submitted, version, cancellationToken, accepted);
        }

        if (answer.Errcode == NoMassSendQuota)
        {
            await SaveAsync(key, record with { Phase = WeChatDigestRecord.Deferred }, version, cancellationToken);

            // The next digest starts where this one did, so it carries these items (even when none was ever sent before).
            await AdvanceWindowAsync(record.WindowStart, cancellationToken);
            return new ChannelJobResult($"群发额度已用完 (45028)，摘要顺延至次日 no mass-send quota left: the digest moves to the next day ({Articles(record)})");
        }

        return answer.Errcode == ClientMsgIdTooFast
            ? new ChannelJobResult("同一 clientmsgid 重试过快 (45066): trying again in a minute", TimeSpan.FromSeconds(61))
            : Retry(answer);
    }

    /// <summary>
    /// <c>message/mass/get</c> of the accepted send (reference §6): SEND_SUCCESS makes the digest sent; SENDING (an
    /// administrator has yet to confirm, under API 群发保护) asks again after
    /// <see cref="WeChatMassSendOptions.ResultCheckInterval"/>; SEND_FAIL or DELETE fails the day's digest and leaves
    /// the window, so the next digest carries its items (platform-truth W8).
    /// </summary>
    private async Task<ChannelJobResult> CheckSentAsync(
        WeChatSession session, string key, WeChatDigestRecord record, long version, CancellationToken cancellationToken, string? accepted = null)
    {
        var prefix = accepted is null ? "" : accepted + "; ";
        if (record.MsgId is not { } msgId)
        {
            return await MarkSentAsync(key, record, version, "群发已提交 digest accepted (WeChat gave no msg_id to check)", cancellationToken);
        }

        var answer = await session.PostAsync("message/mass/get", new JsonObject { ["msg_id"] = msgId }, idempotent: true, cancellationToken);
        if (!answer.Ok)
        {
            return Retry(answer);
        }

        var status = answer.String("msg_status");
        switch (status)
        {
            case "SEND_SUCCESS":
                return await MarkSentAsync(key, record, version, prefix + "群发成功 digest sent (SEND_SUCCESS)", cancellationToken);
            case "SENDING":
                var wait = _channel.Options.MassSend.ResultCheckInterval;
                return new ChannelJobResult(
                    $"{prefix}群发发送中 send msg_id {msgId} accepted but not yet sent (SENDING): with API 群发保护 an administrator must confirm it " +
                    $"within 30 minutes; asking again in {wait}", wait);
            default:
                await SaveAsync(key, record with { Phase = WeChatDigestRecord.Failed }, version, cancellationToken);

                // As for a deferred digest: the next one starts where this one did, so it carries these items.
                await AdvanceWindowAsync(record.WindowStart, cancellationToken);
                return new ChannelJobResult(
                    $"{prefix}群发失败 send msg_id {msgId} ended {status ?? "(no msg_status)"}: refused or not confirmed by an administrator within 30 " +
                    $"minutes (API 群发保护), or deleted; the next digest carries its items ({Articles(record)})");
        }
    }

    private async Task<ChannelJobResult> MarkSentAsync(
        string key, WeChatDigestRecord record, long version, string what, CancellationToken cancellationToken)
    {
        var sent = record with { Phase = WeChatDigestRecord.Sent };
        await SaveAsync(key, sent, version, cancellationToken);
        await AdvanceWindowAsync(sent.WindowEnd, cancellationToken);
        Log.DigestSent(_channel.Logger, _channel.Id, sent.Items.Count, sent.MsgId ?? 0, sent.ClientMsgId);
        return Done(sent, what);
    }

    private JsonObject SendBody(WeChatDigestRecord record)
    {
        var tag = _channel.Options.MassSend.TagId;
        var filter = new JsonObject { ["is_to_all"] = tag is null };
        if (tag is { } id)
        {
            filter["tag_id"] = id;
        }

        return new JsonObject
        {
            ["filter"] = filter,
            ["mpnews"] = new JsonObject { ["media_id"] = record.DraftMediaId },
            ["msgtype"] = "mpnews",
            ["send_ignore_reprint"] = 0,
            ["clientmsgid"] = record.ClientMsgId,
        };
    }

    /// <summary>What a refused or failed call means for the run: again later, or (credentials, content) not until someone acts.</summary>
    private ChannelJobResult Retry(WeChatAnswer answer)
    {
        var now = _channel.Time.GetUtcNow();
        return WeChatOutcomes.Failure(_channel, answer) switch
        {
            ChannelOutcome.Transient t => new ChannelJobResult($"群发暂时失败，稍后重试 {t.Reason}", t.RetryAfter ?? TimeSpan.FromMinutes(5)),
            ChannelOutcome.RateLimited r => new ChannelJobResult($"群发被限流 {r.Reason}", r.Until - now),
            ChannelOutcome.QuotaExhausted q => new ChannelJobResult($"群发接口额度用完 {q.Reason}", q.Until - now),
            ChannelOutcome.AuthFailed a => new ChannelJobResult($"群发失败，请检查公众号凭据 {a.Reason}"),
            ChannelOutcome.Rejected r => new ChannelJobResult($"群发被拒绝 {r.Reason}"),
            var other => new ChannelJobResult($"群发失败 {other}"),
        };
    }

    private async Task AdvanceWindowAsync(DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await _channel.State.GetAsync(_channel.Id, LastWindowKey, cancellationToken);
            if (ParseInstant(current?.Value) >= windowEnd)
            {
                return;
            }

            var value = windowEnd.ToString("O", CultureInfo.InvariantCulture);
            if (await _channel.State.TryPutAsync(_channel.Id, LastWindowKey, value, null, current?.Version ?? 0, _channel.Time.GetUtcNow(), cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<(WeChatDigestRecord? Record, long Version)> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var state = await _channel.State.GetAsync(_channel.Id, key, cancellationToken);
        return (WeChatDigestRecord.Read(state), state?.Version ?? 0);
    }

    /// <summary>Writes the next step; when another run wrote first, carries on from what it wrote instead.</summary>
    private async Task<(WeChatDigestRecord Record, long Version)> SaveAsync(
        string key, WeChatDigestRecord record, long version, CancellationToken cancellationToken)
    {
        if (await _channel.State.TryPutAsync(_channel.Id, key, record.Write(), null, version, _channel.Time.GetUtcNow(), cancellationToken))
        {
            return (record, version + 1);
        }

        var (theirs, theirVersion) = await LoadAsync(key, cancellationToken);
        return (theirs ?? record, theirVersion);
    }

    private static ChannelJobResult Done(WeChatDigestRecord record, string what) =>
        new($"{what}: msg_id {record.MsgId?.ToString(CultureInfo.InvariantCulture) ?? "?"}, clientmsgid {record.ClientMsgId}, {Articles(record)}{LeftOut(record)}");

    private static string Articles(WeChatDigestRecord record) =>
        $"{record.Items.Count} 篇 articles: {string.Join(", ", record.Items.Select(i => i.ItemId))}";

    private static string LeftOut(WeChatDigestRecord record) =>
        record.LeftOut.Count == 0 ? "" : $"; 未收入 left out: {string.Join("; ", record.LeftOut)}";

    private static DateTimeOffset? ParseInstant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) ? instant : null;
}
