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

    public MassSend Add(string key, DateTimeOffset now)
    {
        var send = new MassSend(++_lastMsgId, now);
        _byKey[key] = send;
        _byId[send.MsgId] = send;
        return send;
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

    /// <summary>When a request with this clientmsgid was last answered other than 45066: retries closer than 60 s are refused.</summary>
    public DateTimeOffset LastAnsweredAt { get; set; } = sentAt;
}
