namespace Syndicator.Sandbox.WeChat;

/// <summary>The draft box (草稿箱, reference §4). Callers hold the emulator's lock.</summary>
internal sealed class DraftStore
{
    private readonly Dictionary<string, Draft> _drafts = new(StringComparer.Ordinal);

    public Draft Add(IReadOnlyList<DraftArticle> articles, DateTimeOffset now)
    {
        var draft = new Draft(MediaStore.NewId(43), [.. articles], now);
        _drafts[draft.MediaId] = draft;
        return draft;
    }

    public Draft? Get(string? mediaId) => mediaId is not null ? _drafts.GetValueOrDefault(mediaId) : null;

    /// <summary>Puts a draft back under its own media_id (a publish job that failed).</summary>
    public void Restore(Draft draft) => _drafts[draft.MediaId] = draft;

    public bool Remove(string? mediaId) => mediaId is not null && _drafts.Remove(mediaId);

    public int Count => _drafts.Count;

    /// <summary>Newest first, as the console lists them.</summary>
    public IReadOnlyList<Draft> All() => [.. _drafts.Values.OrderByDescending(static d => d.UpdatedAt).ThenByDescending(static d => d.Sequence)];

    public void Clear() => _drafts.Clear();
}

internal sealed class Draft(string mediaId, List<DraftArticle> articles, DateTimeOffset createdAt)
{
    private static long s_sequence;

    public string MediaId { get; } = mediaId;

    public List<DraftArticle> Articles { get; } = articles;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>Orders drafts saved at the same instant (a frozen test clock).</summary>
    public long Sequence { get; } = Interlocked.Increment(ref s_sequence);
}
