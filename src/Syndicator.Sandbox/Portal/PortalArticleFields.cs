namespace Syndicator.Sandbox.Portal;

/// <summary>The fields one <c>article</c> element carried; only what was sent is applied to a stored article.</summary>
internal sealed class PortalArticleFields
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public int? ColumnId { get; init; }

    public string? SourceId { get; init; }

    /// <summary>The other fields (索引号, 发布机构, 文号, dates, catalogue fields, <c>column</c> …), in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Others { get; init; } = [];

    /// <summary>Null: the element was not sent (an update keeps the attachments it had).</summary>
    public IReadOnlyList<PortalAttachment>? Attachments { get; init; }

    public void ApplyTo(PortalArticle article)
    {
        article.Title = Title ?? article.Title;
        article.Body = Body ?? article.Body;
        article.ColumnId = ColumnId ?? article.ColumnId;
        article.SourceId = SourceId ?? article.SourceId;
        article.Attachments = Attachments is null ? article.Attachments : [.. Attachments];
        foreach (var field in Others)
        {
            var at = article.Fields.FindIndex(f => f.Key == field.Key);
            if (at >= 0)
            {
                article.Fields[at] = field;
            }
            else
            {
                article.Fields.Add(field);
            }
        }
    }
}
