namespace Syndicator.Sandbox.WeChat;

/// <summary>Mass sends and their clientmsgid index (reference §6). Callers hold the emulator's lock.</summary>
internal sealed class MassSendStore
{
    public static readonly TimeSpan DedupWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan RetrySpacing = TimeSpan.FromSeconds(60);

    private const long FirstMsgId = 3_147_483_648;

    private readonly Dictionary<string, MassSend> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<long, MassSend> _byId = [];
    private long _lastMsgId = FirstMsgId - 1;

    /// <summary>The send of the last 24 h under <paramref name="key"/>, if any.</summary>
    public MassSend? Recent(string key, DateTimeOffset now) =>
        _byKey.TryGetValue(key, out var send) && now - send.SentAt < DedupWindow ? send : null;

    /// <summary>How long API 群发保护 waits for an administrator before the send fails (reference §6; platform-truth W8).</summary>
    public static readonly TimeSpan ConfirmWindow = TimeSpan.FromMinutes(30);

    public MassSend Add(string key, DateTimeOffset now, IReadOnlyList<DraftArticle>? awaitingConfirmation = null, DateTimeOffset? confirmAt = null)
    {
        var send = new MassSend(++_lastMsgId, now) { Articles = awaitingConfirmation ?? [], ConfirmAt = confirmAt, Awaiting = awaitingConfirmation is not null };
        _byKey[key] = send;
        _byId[send.MsgId] = send;
        return send;
    }

    /// <summary>Sends awaiting confirmation whose administrator confirmed by now (within the window): they go out now.</summary>
    public IReadOnlyList<MassSend> Confirmed(DateTimeOffset now)
    {
        var confirmed = _byId.Values
            .Where(s => s.Awaiting && s.ConfirmAt is { } at && at <= now && at - s.SentAt <= ConfirmWindow)
            .OrderBy(static s => s.MsgId)
            .ToList();
        confirmed.ForEach(static s => s.Awaiting = false);
        return confirmed;
    }

    public MassSend? Get(long? msgId) => msgId is { } id ? _byId.GetValueOrDefault(id) : null;

    public void Clear()
    {
        _byKey.Clear();
        _byId.Clear();
        _lastMsgId = FirstMsgId - 1;
    }
}

internal sealed class MassSend(long msgId, DateTimeOffset sentAt)
{
    public long MsgId { get; } = msgId;

    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>The articles of a send held for an administrator (API 群发保护).</summary>
    public IReadOnlyList<DraftArticle> Articles { get; init; } = [];

    /// <summary>When the administrator confirms a held send; null: never.</summary>
    public DateTimeOffset? ConfirmAt { get; init; }

    /// <summary>True while a held send waits for its administrator.</summary>
    public bool Awaiting { get; set; }

    /// <summary>SEND_SUCCESS once out; SENDING while held within the window; SEND_FAIL when not confirmed in time.</summary>
    public string Status(DateTimeOffset now) =>
        !Awaiting ? "SEND_SUCCESS" : now - SentAt < MassSendStore.ConfirmWindow ? "SENDING" : "SEND_FAIL";

    /// <summary>When a request with this clientmsgid was last answered other than 45066: retries closer than 60 s are refused.</summary>
    public DateTimeOffset LastAnsweredAt { get; set; } = sentAt;
}
