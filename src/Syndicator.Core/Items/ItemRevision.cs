namespace Syndicator.Core.Items;

/// <summary>
/// One accepted revision of an information item (政府信息). Immutable: a change is a new revision.
/// </summary>
/// <remarks>
/// <see cref="BodyHtml"/> is what channels publish: the submitted body rendered to HTML (markdown) and sanitized.
/// <see cref="ContentHash"/> identifies the submission itself, so a replay of the same revision can be told
/// from a conflicting one.
/// </remarks>
public sealed record ItemRevision
{
    /// <summary>The approval system's id: 1–64 of [A-Za-z0-9._-].</summary>
    public required string Id { get; init; }

    /// <summary>1 for the first version; a higher number is an edit of the same item.</summary>
    public required int Revision { get; init; }

    public required string Title { get; init; }

    public string? Summary { get; init; }

    /// <summary>The body as submitted.</summary>
    public required ItemBody Body { get; init; }

    /// <summary>Sanitized HTML of the body; the only form of the body a channel sees.</summary>
    public required string BodyHtml { get; init; }

    /// <summary>A key of the configured catalogue.</summary>
    public required string Category { get; init; }

    /// <summary>文号, when the item is a document.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>发布机构, full name.</summary>
    public required string Publisher { get; init; }

    /// <summary>成文日期.</summary>
    public DateOnly? WrittenOn { get; init; }

    /// <summary>
    /// 索引号: allocated when the item's first revision is accepted (or brought by the item), the same for every
    /// revision, never reused. Null when the publisher has no organisation code configured.
    /// </summary>
    public string? IndexNumber { get; init; }

    /// <summary>The disclosure catalogue's metadata (目录元数据) beside the fields above.</summary>
    public DisclosureMetadata Disclosure { get; init; } = new();

    /// <summary>Release no earlier than this instant; null releases at once.</summary>
    public DateTimeOffset? PublishAt { get; init; }

    public IReadOnlyList<MediaFile> Images { get; init; } = [];

    public MediaFile? Cover { get; init; }

    public IReadOnlyList<MediaFile> Attachments { get; init; } = [];

    /// <summary>The channels this revision goes to (explicit in the submission, or routed by category).</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>Per-channel replacements of title and summary.</summary>
    public IReadOnlyDictionary<string, ChannelOverride> Overrides { get; init; } =
        new Dictionary<string, ChannelOverride>(StringComparer.Ordinal);

    /// <summary>The accountability chain: 谁提供、谁审核、谁负责.</summary>
    public ApprovalChain? Approval { get; init; }

    /// <summary>Lowercase hex SHA-256 of the canonical submission.</summary>
    public required string ContentHash { get; init; }

    /// <summary>When Syndicator accepted this revision.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Title for <paramref name="channel"/>, honouring an override.</summary>
    public string TitleFor(string channel) =>
        Overrides.TryGetValue(channel, out var o) && !string.IsNullOrWhiteSpace(o.Title) ? o.Title : Title;

    /// <summary>Summary for <paramref name="channel"/>, honouring an override.</summary>
    public string? SummaryFor(string channel) =>
        Overrides.TryGetValue(channel, out var o) && !string.IsNullOrWhiteSpace(o.Summary) ? o.Summary : Summary;
}

/// <summary>The body as submitted: <c>html</c> or <c>markdown</c>.</summary>
public sealed record ItemBody(string Format, string Content);

/// <summary>An image or attachment carried in the submission.</summary>
public sealed record MediaFile(string Name, string MediaType, byte[] Content)
{
    /// <summary>The content as a <c>data:</c> URI.</summary>
    public string ToDataUri() => $"data:{MediaType};base64,{Convert.ToBase64String(Content)}";
}

/// <summary>
/// The disclosure catalogue's metadata of an item (政府信息公开目录元数据, reference gov-publishing §4.2) that is not
/// a field of its own on <see cref="ItemRevision"/>. Every value is the portal's wording, e.g. <c>综合政务\政务公开</c>.
/// </summary>
public sealed record DisclosureMetadata
{
    /// <summary>主题分类. Null: the category's configured default.</summary>
    public string? Topic { get; init; }

    /// <summary>体裁分类, e.g. 通知, 公告, 报告.</summary>
    public string? Genre { get; init; }

    /// <summary>有效性, e.g. 有效, 废止, 失效.</summary>
    public string? Validity { get; init; }

    /// <summary>公开方式. Default: 主动公开.</summary>
    public string Mode { get; init; } = "主动公开";

    /// <summary>公开范围. Default: 面向全社会.</summary>
    public string Scope { get; init; } = "面向全社会";

    /// <summary>主题词 (keywords), optional.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>Replacement title and summary for one channel.</summary>
public sealed record ChannelOverride(string? Title, string? Summary);

/// <summary>Who provided, reviewed and confidentiality-reviewed the item, and when it was approved.</summary>
public sealed record ApprovalChain(
    string? ProvidedBy,
    IReadOnlyList<string> ReviewedBy,
    string? ConfidentialityReviewedBy,
    DateTimeOffset? ApprovedAt);
