using System.Text.Json;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The progress of one day's mass-send digest, kept in the shared channel state under <c>massdigest:{yyyy-MM-dd}</c>
/// (Beijing date), so that a repeated run — after a crash, on another node — carries on from the last step instead
/// of sending again.
/// </summary>
internal sealed record WeChatDigestRecord
{
    public const string Selected = "selected";
    public const string Drafted = "drafted";
    public const string Submitted = "submitted";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Deferred = "deferred";
    public const string Empty = "empty";

    /// <summary>
    /// selected → drafted → submitted (sendall accepted) → sent (<c>message/mass/get</c> said SEND_SUCCESS) or failed
    /// (SEND_FAIL: e.g. not confirmed by an administrator within 30 min); or empty (nothing to send), or deferred (no
    /// mass-send quota left today).
    /// </summary>
    public required string Phase { get; init; }

    /// <summary>Items accepted from here …</summary>
    public required DateTimeOffset WindowStart { get; init; }

    /// <summary>… to here (the scheduled send time) are this digest's candidates.</summary>
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>The articles, in order.</summary>
    public required IReadOnlyList<WeChatDigestEntry> Items { get; init; }

    /// <summary>Candidates left out, with why (over the article limit, or not live on the account at send time).</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];

    /// <summary>WeChat's de-duplication key for the send (≤ 64 bytes), derived from the digest's content.</summary>
    public required string ClientMsgId { get; init; }

    public string? DraftMediaId { get; init; }

    public long? MsgId { get; init; }

    public static WeChatDigestRecord? Read(ChannelState? state) =>
        state is null ? null : JsonSerializer.Deserialize<WeChatDigestRecord>(state.Value, WeChatJson.Options);

    public string Write() => JsonSerializer.Serialize(this, WeChatJson.Options);
}

/// <summary>One article of a digest: the revision that is live, and the media its publish already uploaded.</summary>
internal sealed record WeChatDigestEntry(string ItemId, int Revision, string? ThumbMediaId, IReadOnlyDictionary<string, string> Images);
