namespace Syndicator.Sandbox.WeChat;

/// <summary>Publish jobs and the articles the account holds, published or mass-sent (reference §5, §6). Callers hold the emulator's lock.</summary>
internal sealed class PublishStore
{
    // Real ids exceed Int32 (reference §0): clients that parse them as int must fail here too.
    private const long FirstPublishId = 2_247_483_648;

    private readonly Dictionary<long, PublishJob> _jobs = [];
    private readonly List<PublishedArticle> _articles = [];
    private long _lastPublishId = FirstPublishId - 1;

    public IReadOnlyList<PublishedArticle> Articles => _articles;

    public PublishJob Submit(Draft draft, DateTimeOffset dueAt, int finalStatus)
    {
        var job = new PublishJob(++_lastPublishId, draft.MediaId, [.. draft.Articles], dueAt, finalStatus) { Draft = draft };
        _jobs.Add(job.PublishId, job);
        return job;
    }

    public PublishJob? Job(long? publishId) => publishId is { } id ? _jobs.GetValueOrDefault(id) : null;

    public IReadOnlyList<PublishJob> Due(DateTimeOffset now) =>
        [.. _jobs.Values.Where(j => !j.Settled && j.DueAt <= now).OrderBy(static j => j.PublishId)];

    /// <summary>Ends the job; a successful one becomes an article, which is answered.</summary>
    public PublishedArticle? Finish(PublishJob job, DateTimeOffset now)
    {
        job.Settled = true;
        if (job.FinalStatus != 0)
        {
            return null;
        }

        var article = Add(job.Articles, now, job.PublishId, msgId: null);
        job.ArticleId = article.ArticleId;
        return article;
    }

    public PublishedArticle Add(IReadOnlyList<DraftArticle> articles, DateTimeOffset now, long? publishId, long? msgId)
    {
        var article = new PublishedArticle(MediaStore.NewId(43), [.. articles.Select(static a => new PublishedItem(a))], now, publishId, msgId);
        _articles.Add(article);
        return article;
    }

    public PublishedArticle? Article(string? articleId) => _articles.Find(a => a.ArticleId == articleId);

    public void Clear()
    {
        _jobs.Clear();
        _articles.Clear();
        _lastPublishId = FirstPublishId - 1;
    }
}

internal sealed class PublishJob(long publishId, string draftMediaId, List<DraftArticle> articles, DateTimeOffset dueAt, int finalStatus)
{
    public long PublishId { get; } = publishId;

    public string DraftMediaId { get; } = draftMediaId;

    /// <summary>The draft the job took out of the draft box; a failed job puts it back.</summary>
    public Draft? Draft { get; init; }

    /// <summary>The draft as submitted: later edits of the draft do not change what gets published.</summary>
    public List<DraftArticle> Articles { get; } = articles;

    public DateTimeOffset DueAt { get; } = dueAt;

    public int FinalStatus { get; } = finalStatus;

    public bool Settled { get; set; }

    public string? ArticleId { get; set; }

    /// <summary>1 publishing; then the final status, or 5 once every article of a success has been deleted.</summary>
    public int Status(PublishedArticle? article) =>
        !Settled ? 1 : FinalStatus == 0 && article is { AllDeleted: true } ? 5 : FinalStatus;
}

internal sealed class PublishedItem(DraftArticle article)
{
    /// <summary>The article as published; an edit on the platform (the sandbox's control API) replaces it.</summary>
    public DraftArticle Article { get; set; } = article;

    public bool Deleted { get; set; }
}
