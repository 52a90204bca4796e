namespace Syndicator.Channels.Jcms;

/// <summary>Our fields of an article, as keys of <c>Envelope:Fields</c>.</summary>
internal static class JcmsFields
{
    public const string Title = "Title";
    public const string Body = "Body";
    public const string DocumentNumber = "DocumentNumber";
    public const string CreatedAt = "CreatedAt";
    public const string Column = "Column";
    public const string ColumnId = "ColumnId";
    public const string SourceId = "SourceId";
    public const string IndexNumber = "IndexNumber";
    public const string Publisher = "Publisher";
    public const string WrittenOn = "WrittenOn";
    public const string PublishedOn = "PublishedOn";
    public const string Topic = "Topic";
    public const string Genre = "Genre";
    public const string Validity = "Validity";
    public const string DisclosureMode = "DisclosureMode";
    public const string DisclosureScope = "DisclosureScope";
    public const string Keywords = "Keywords";
    public const string Summary = "Summary";
    public const string Attachments = "Attachments";

    /// <summary>Fields a portal cannot do without: an article needs its title, text and column.</summary>
    public static readonly string[] Required = [Title, Body, ColumnId];

    /// <summary>
    /// The public client's element names (platform-truth §4: 标题, 正文, 文号, 创建日期, column, columnid), the
    /// disclosure catalogue's (gov-publishing §4.2: 索引号, 发布机构, 成文日期, 发布日期, 主题分类, 体裁分类, 有效性, 主题词)
    /// and ours (sourceid, 附件).
    /// </summary>
    public static Dictionary<string, string> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        [Title] = "标题",
        [Body] = "正文",
        [DocumentNumber] = "文号",
        [CreatedAt] = "创建日期",
        [Column] = "column",
        [ColumnId] = "columnid",
        [SourceId] = "sourceid",
        [IndexNumber] = "索引号",
        [Publisher] = "发布机构",
        [WrittenOn] = "成文日期",
        [PublishedOn] = "发布日期",
        [Topic] = "主题分类",
        [Genre] = "体裁分类",
        [Validity] = "有效性",
        [DisclosureMode] = "公开方式",
        [DisclosureScope] = "公开范围",
        [Keywords] = "主题词",
        [Summary] = "摘要",
        [Attachments] = "附件",
    };

    public static IReadOnlyCollection<string> Known { get; } = Defaults().Keys.ToArray();
}
