namespace Syndicator.Sandbox.Portal;

/// <summary>The portal's articles, safe for concurrent callers: one lock, clones handed out.</summary>
internal sealed class PortalStore(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, PortalArticle> _articles = [];

    // JCMS article ids are large integers that count up; start somewhere that looks like one.
    private const int FirstId = 6930;
    private int _lastId = FirstId;

    public PortalArticle Create(PortalArticleFields fields)
    {
        var article = new PortalArticle { CreatedAt = timeProvider.GetUtcNow() };
        article.UpdatedAt = article.CreatedAt;
        fields.ApplyTo(article);
        lock (_gate)
        {
            article.Id = ++_lastId;
            _articles.Add(article.Id, article);
            return article.Clone();
        }
    }

    /// <summary>Replaces the fields sent, keeps the others; null when there is no live article of that id.</summary>
    public PortalArticle? Update(int id, PortalArticleFields fields)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(id, out var article) || article.Deleted)
            {
                return null;
            }

            fields.ApplyTo(article);
            article.UpdatedAt = timeProvider.GetUtcNow();
            return article.Clone();
        }
    }

    /// <summary>An edit made in the portal's own back office: title and/or body; false when there is no live article of that id.</summary>
    public bool Edit(int id, string? title, string? body)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(id, out var article) || article.Deleted)
            {
                return false;
            }

            article.Title = title ?? article.Title;
            article.Body = body ?? article.Body;
            article.UpdatedAt = timeProvider.GetUtcNow();
            return true;
        }
    }

    /// <summary>Marks the article deleted (its page goes); a second delete answers it again. Null: no such article.</summary>
    public PortalArticle? Delete(int id)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(id, out var article))
            {
                return null;
            }

            if (!article.Deleted)
            {
                article.Deleted = true;
                article.UpdatedAt = timeProvider.GetUtcNow();
            }

            return article.Clone();
        }
    }

    public PortalArticle? Get(int id)
    {
        lock (_gate)
        {
            return _articles.TryGetValue(id, out var article) ? article.Clone() : null;
        }
    }

    public IReadOnlyList<PortalArticle> All()
    {
        lock (_gate)
        {
            return [.. _articles.Values.Select(static a => a.Clone())];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _articles.Clear();
            _lastId = FirstId;
        }
    }

    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
