using System.Globalization;
using System.Text.Json.Nodes;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// One try of publishing a revision as one new article: body images (<c>media/uploadimg</c>) → cover
/// (<c>material/add_material</c>) → <c>draft/add</c> → <c>freepublish/submit</c> → <c>freepublish/get</c> until the job
/// ends. Every step is checkpointed, so a retry resumes after the last completed one and never makes a second draft
/// or publish job for the revision. Submit has no idempotency key (reference §5a): <c>step=submit-sent</c> is saved
/// before it leaves, and a try that finds it without a <c>publishId</c> reconciles (<see cref="WeChatReconcile"/>).
/// </summary>
internal sealed class WeChatPublish
{
    internal const string StepKey = "step";
    internal const string ImageKeyPrefix = "img:";
    internal const string ThumbKey = "thumbMediaId";
    internal const string DraftKey = "draftMediaId";
    internal const string SubmitSentAtKey = "submitSentAt";
    internal const string PublishIdKey = "publishId";
    internal const string ArticleIdKey = "articleId";
    internal const string ArticleUrlKey = "articleUrl";
    internal const string RevisionKey = "revision";
    internal const string PollsKey = "polls";
    internal const string NotesKey = "notes";
    internal const string DraftSent = "draft-sent";
    internal const string DraftAdded = "draft-added";
    internal const string SubmitSent = "submit-sent";
    internal const string Submitted = "submitted";
    internal const string Published = "published";

    private readonly WeChatChannel _channel;
    private readonly WeChatSession _session;
    private readonly DeliveryContext _context;

    public WeChatPublish(WeChatChannel channel, WeChatSession session, DeliveryContext context)
    {
        _channel = channel;
        _session = session;
        _context = context;
    }

    private Checkpoint Checkpoint => _context.Checkpoint;

    /// <summary>Succeeded with the new article once WeChat confirmed it; Pending while the job runs.</summary>
    public async Task<ChannelOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (Checkpoint[RevisionKey] is { } carried && carried != Text(_context.Item.Revision))
        {
            // A checkpoint handed on from a superseded revision's send (see IDeliveryStore).
            if (MayHavePublished(Checkpoint))
            {
                return new ChannelOutcome.Unconfirmed(
                    $"a superseded send of revision {carried} reached freepublish/submit (checkpoint: {Checkpoint}); its article may be live: " +
                    "check 发表记录 on mp.weixin.qq.com, delete it if it is, then retry this delivery");
            }

            await _context.SaveCheckpointAsync(Syndicator.Core.Deliveries.Checkpoint.Empty, cancellationToken);
        }

        if (Checkpoint[ArticleIdKey] is { } articleId)
        {
            return new ChannelOutcome.Succeeded(articleId, UrlOf(Checkpoint[ArticleUrlKey])) { Note = Note() };
        }

        if (ParseLong(Checkpoint[PublishIdKey]) is { } publishId)
        {
            return await PollAsync(publishId, cancellationToken);
        }

        return Checkpoint[StepKey] == SubmitSent
            ? await new WeChatReconcile(_channel, _session, _context, this).RunAsync(cancellationToken)
            : await PrepareAndSubmitAsync(cancellationToken);
    }

    private async Task<ChannelOutcome> PrepareAndSubmitAsync(CancellationToken cancellationToken)
    {
        // With no submit left today nothing is uploaded or drafted: the item waits for the next quota day (W1).
        if (await _session.Budget.PeekAsync(WeChatQuota.Submit, cancellationToken) is { } spent)
        {
            return spent;
        }

        var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in WeChatBody.ReferencedImages(_context.Item))
        {
            if (Checkpoint[ImageKeyPrefix + image.Name] is not { } url)
            {
                var (fitted, refusal) = Fit(image, WeChatImageUse.Body);
                if (fitted is null)
                {
                    return refusal!;
                }

                var answer = await _session.UploadAsync("media/uploadimg", fitted.File, cancellationToken);
                if (!answer.Ok || answer.String("url") is not { Length: > 0 } fresh)
                {
                    return WeChatOutcomes.Failure(_channel, answer);
                }

                url = fresh;
                await SaveAsync(WithNote(Checkpoint.With(ImageKeyPrefix + image.Name, url), fitted.Note), cancellationToken);
            }

            uploaded[image.Name] = url;
        }

        var thumb = await CoverAsync(cancellationToken);
        if (thumb.Failure is not null)
        {
            return thumb.Failure;
        }

        var readMore = await ReadMoreAsync(cancellationToken);
        if (readMore.Wait is not null)
        {
            return readMore.Wait;
        }

        var draft = await DraftAsync(uploaded, thumb.MediaId!, readMore.Url, cancellationToken);
        return draft.Failure ?? await SubmitAsync(draft.MediaId!, cancellationToken);
    }

    private async Task<(string? MediaId, ChannelOutcome? Failure)> CoverAsync(CancellationToken cancellationToken)
    {
        if (Checkpoint[ThumbKey] is { } saved)
        {
            return (saved, null);
        }

        if ((_context.Item.Cover ?? _channel.DefaultCover) is not { } cover)
        {
            return (null, new ChannelOutcome.Rejected(
                $"the item has no cover and none is configured: WeChat needs one (thumb_media_id); set Channels:{_channel.Id}:DefaultCoverBase64"));
        }

        var (fitted, refusal) = Fit(cover, WeChatImageUse.Cover);
        if (fitted is null)
        {
            return (null, refusal);
        }

        var answer = await _session.UploadAsync("material/add_material?type=image", fitted.File, cancellationToken);
        if (!answer.Ok || answer.String("media_id") is not { Length: > 0 } mediaId)
        {
            return (null, WeChatOutcomes.Failure(_channel, answer));
        }

        await SaveAsync(WithNote(Checkpoint.With(ThumbKey, mediaId), fitted.Note), cancellationToken);
        return (mediaId, null);
    }

    /// <summary>
    /// The 阅读原文 link: the item's page on <see cref="WeChatChannelOptions.ReadMoreFrom"/> once that channel has
    /// published it. While it has not, and the item is younger than <see cref="WeChatChannelOptions.ReadMoreWait"/>,
    /// the draft waits (the delivery is pending; no worker is held); after that it goes out without the link.
    /// </summary>
    private async Task<(Uri? Url, ChannelOutcome? Wait)> ReadMoreAsync(CancellationToken cancellationToken)
    {
        var item = _context.Item;
        if (_channel.Options.ReadMoreFrom is not { Length: > 0 } source || Checkpoint[DraftKey] is not null
            || !item.Channels.Contains(source, StringComparer.Ordinal))
        {
            return (null, null);
        }

        if ((await _context.FindPlacement(source, cancellationToken))?.Url is { } url)
        {
            return (url, null);
        }

        var waited = _channel.Time.GetUtcNow() - item.AcceptedAt;
        return waited < _channel.Options.ReadMoreWait
            ? (null, Pending($"等待{source}发布后生成草稿（阅读原文） waiting for channel {source} to publish the item, for the 阅读原文 link"))
            : (null, null);
    }

    private async Task<(string? MediaId, ChannelOutcome? Failure)> DraftAsync(
        IReadOnlyDictionary<string, string> uploaded, string thumb, Uri? readMore, CancellationToken cancellationToken)
    {
        if (Checkpoint[DraftKey] is { } saved)
        {
            return (saved, null);
        }

        if (Checkpoint[StepKey] == DraftSent)
        {
            // An earlier draft/add lost its answer: adopt that draft if it landed rather than leave a second one.
            var (found, failure) = await new WeChatReconcile(_channel, _session, _context, this).FindDraftAsync(cancellationToken);
            if (failure is not null || found is not null)
            {
                if (found is not null)
                {
                    await SaveAsync(Checkpoint.With(DraftKey, found).With(StepKey, DraftAdded), cancellationToken);
                }

                return (found, failure);
            }
        }

        // The whole string sent counts (W4): checked again here, on the content as composed with the real image URLs.
        var body = DraftBody(uploaded, thumb, readMore);
        if (WeChatItemLimits.ContentProblem(body["articles"]![0]!["content"]!.GetValue<string>()) is { } tooLong)
        {
            return (null, new ChannelOutcome.Rejected($"正文超出微信限制 {tooLong}"));
        }

        await SaveAsync(Checkpoint.With(StepKey, DraftSent), cancellationToken);
        var answer = await _session.PostAsync("draft/add", body, idempotent: false, cancellationToken);
        if (!answer.Ok || answer.String("media_id") is not { Length: > 0 } mediaId)
        {
            return (null, WeChatOutcomes.Failure(_channel, answer));
        }

        await SaveAsync(Checkpoint.With(DraftKey, mediaId).With(StepKey, DraftAdded), cancellationToken);
        Log.Step(_channel.Logger, _channel.Id, _context.Item.Id, _context.Item.Revision, "draft " + mediaId + " added");
        return (mediaId, null);
    }

    private JsonObject DraftBody(IReadOnlyDictionary<string, string> uploaded, string thumb, Uri? readMore) =>
        new() { ["articles"] = new JsonArray(WeChatArticle.Build(_channel, _context.Item, uploaded, thumb, readMore)) };

    /// <summary>The image fitted to WeChat's rules (W3), or the refusal that names it.</summary>
    private static (FittedImage? Image, ChannelOutcome? Refusal) Fit(Syndicator.Core.Items.MediaFile file, WeChatImageUse use)
    {
        var (fitted, problem) = WeChatImages.Fit(file, use);
        return fitted is not null
            ? (fitted, null)
            : (null, new ChannelOutcome.Rejected($"图片无法按微信规则处理 {problem}"));
    }

    private static Checkpoint WithNote(Checkpoint checkpoint, string? note) =>
        note is null ? checkpoint : checkpoint.With(NotesKey, checkpoint[NotesKey] is { Length: > 0 } notes ? notes + "；" + note : note);

    /// <summary>What the attempt log should tell operators beside the article: images fitted (W3), a long title (W5).</summary>
    private string? Note()
    {
        var notes = new[] { Checkpoint[NotesKey], WeChatItemLimits.TitleWarning(_context.Item.TitleFor(_channel.Id)) }.OfType<string>().ToList();
        return notes.Count == 0 ? null : string.Join("；", notes);
    }

    /// <summary>Submits the draft. Used again by reconciliation when it proved the earlier submit did not happen.</summary>
    internal async Task<ChannelOutcome> SubmitAsync(string draft, CancellationToken cancellationToken)
    {
        var sentAt = _channel.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await SaveAsync(Checkpoint.With(StepKey, SubmitSent).With(SubmitSentAtKey, sentAt), cancellationToken);
        var answer = await _session.PostAsync("freepublish/submit", new JsonObject { ["media_id"] = draft }, idempotent: false, cancellationToken);
        if (answer.Ok && answer.Long("publish_id") is { } publishId)
        {
            await SaveAsync(Checkpoint.With(PublishIdKey, Text(publishId)).With(StepKey, Submitted).With(PollsKey, null), cancellationToken);
            Log.Step(_channel.Logger, _channel.Id, _context.Item.Id, _context.Item.Revision, "submitted as publish job " + Text(publishId));
            return Pending($"提交发布成功 publish job {Text(publishId)} accepted; waiting for WeChat to finish it");
        }

        // Certainly not submitted: nothing reached WeChat, or it refused with an errcode (but -1, "system busy", may
        // come after the work was done: reference §7 says reconcile first).
        if (answer.NothingSent || answer.Errcode is { } errcode and not 0 and not -1)
        {
            await SaveAsync(Checkpoint.With(StepKey, DraftAdded).With(SubmitSentAtKey, null), cancellationToken);
        }

        return WeChatOutcomes.Failure(_channel, answer);
    }

    private async Task<ChannelOutcome> PollAsync(long publishId, CancellationToken cancellationToken)
    {
        var answer = await _session.PostAsync("freepublish/get", new JsonObject { ["publish_id"] = publishId }, idempotent: true, cancellationToken);
        if (!answer.Ok || answer.Long("publish_status") is not { } status)
        {
            return WeChatOutcomes.Failure(_channel, answer);
        }

        if (status == WeChatPublishStatus.Publishing)
        {
            return await PendingAgainAsync($"发布中 publish job {Text(publishId)} still publishing", cancellationToken);
        }

        if (status == WeChatPublishStatus.Succeeded && answer.String("article_id") is { Length: > 0 } articleId)
        {
            var url = answer.Body!.Value.TryGetProperty("article_detail", out var detail) && detail.TryGetProperty("item", out var items)
                && items.ValueKind == System.Text.Json.JsonValueKind.Array && items.GetArrayLength() > 0
                ? WeChatAnswer.String(items[0], "article_url")
                : null;
            return await ConfirmAsync(articleId, url, cancellationToken);
        }

        // The job failed: forget it, so that an operator's retry submits the draft again (2–4 leave it in the draft box).
        var next = Checkpoint.With(PublishIdKey, null).With(SubmitSentAtKey, null).With(StepKey, DraftAdded);
        await SaveAsync(status is 2 or 3 or 4 ? next : next.With(DraftKey, null).With(StepKey, null), cancellationToken);
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        return new ChannelOutcome.Rejected(
            $"发布失败：{WeChatPublishStatus.Meaning((int)status)} — publish job {Text(publishId)} ended with publish_status {code}")
        {
            Code = "publish_status " + code,
        };
    }

    /// <summary>Records the confirmed article, so no later try asks WeChat again.</summary>
    internal async Task<ChannelOutcome> ConfirmAsync(string articleId, string? url, CancellationToken cancellationToken)
    {
        var next = Checkpoint.With(ArticleIdKey, articleId).With(StepKey, Published);
        await SaveAsync(url is null ? next : next.With(ArticleUrlKey, url), cancellationToken);
        Log.Published(_channel.Logger, _channel.Id, _context.Item.Id, articleId);
        return new ChannelOutcome.Succeeded(articleId, UrlOf(url)) { Note = Note() };
    }

    /// <summary>Pending until the first look of <see cref="WeChatChannelOptions.PublishPollSchedule"/>.</summary>
    internal ChannelOutcome.Pending Pending(string detail) => new(PollWait(0), detail);

    /// <summary>
    /// Pending after one more look that found the job still running: the wait grows along the poll schedule, so a
    /// slow job costs a few of the day's 100 <c>freepublish/get</c> calls, not one every 30 s (platform-truth W1).
    /// </summary>
    internal async Task<ChannelOutcome.Pending> PendingAgainAsync(string detail, CancellationToken cancellationToken)
    {
        var polls = (int)(ParseLong(Checkpoint[PollsKey]) ?? 0) + 1;
        await SaveAsync(Checkpoint.With(PollsKey, polls.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        var wait = PollWait(polls);
        return new ChannelOutcome.Pending(wait, $"{detail}; asking again in {wait}");
    }

    private TimeSpan PollWait(int polls)
    {
        var schedule = _channel.PollSchedule;
        return schedule[Math.Min(polls, schedule.Count - 1)];
    }

    internal Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken) =>
        _context.SaveCheckpointAsync(checkpoint.With(RevisionKey, Text(_context.Item.Revision)), cancellationToken);

    /// <summary>Whether a publish job may exist for the checkpoint's revision.</summary>
    internal static bool MayHavePublished(Checkpoint checkpoint) =>
        checkpoint[ArticleIdKey] is not null || checkpoint[PublishIdKey] is not null || checkpoint[StepKey] == SubmitSent;

    private static Uri? UrlOf(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static long? ParseLong(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
