using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Webhook;

/// <summary>
/// What the receiver holds: one article per item id, and the answer given to every <c>webhook-id</c> seen, so a
/// message sent again gets the same answer and changes nothing (Standard Webhooks: receivers de-duplicate by id).
/// One lock; clones handed out.
/// </summary>
internal sealed class WebhookStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, WebhookArticle> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _answers = new(StringComparer.Ordinal);

    /// <summary>The answer already given to <paramref name="webhookId"/>, or the one <paramref name="apply"/> gives now.</summary>
    public (JsonObject Answer, bool Duplicate) Once(string webhookId, Func<SortedDictionary<string, WebhookArticle>, JsonObject> apply)
    {
        lock (_gate)
        {
            if (_answers.TryGetValue(webhookId, out var seen))
            {
                return ((JsonObject)seen.DeepClone(), true);
            }

            var answer = apply(_articles);
            _answers[webhookId] = (JsonObject)answer.DeepClone();
            return (answer, false);
        }
    }

    public int Duplicates { get; private set; }

    public void CountDuplicate()
    {
        lock (_gate)
        {
            Duplicates++;
        }
    }

    public WebhookArticle? Get(string id)
    {
        lock (_gate)
        {
            return _articles.TryGetValue(id, out var article) ? article with { } : null;
        }
    }

    public IReadOnlyList<WebhookArticle> All()
    {
        lock (_gate)
        {
            return [.. _articles.Values];
        }
    }

    public bool Change(string id, Func<WebhookArticle, WebhookArticle?> change)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(id, out var article) || change(article) is not { } changed)
            {
                return false;
            }

            _articles[id] = changed;
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _articles.Clear();
            _answers.Clear();
            Duplicates = 0;
        }
    }
}

/// <summary>One article the receiver holds (immutable; a change replaces it).</summary>
internal sealed record WebhookArticle(
    string Id,
    string Title,
    string BodyHtml,
    int Revision,
    JsonObject Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Deleted,
    int Deliveries);
