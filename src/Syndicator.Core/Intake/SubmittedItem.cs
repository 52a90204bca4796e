namespace Syndicator.Core.Intake;

/// <summary>
/// <c>POST /api/items</c> as the approval system sends it (DESIGN §5). Every member is nullable so that a missing
/// field is reported by name instead of failing deserialization. Fields this version does not know are ignored.
/// </summary>
public sealed class SubmittedItem
{
    public string? Id { get; set; }

    public int? Revision { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public SubmittedBody? Body { get; set; }

    public string? Category { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Publisher { get; set; }

    public string? WrittenOn { get; set; }

    public DateTimeOffset? PublishAt { get; set; }

    public List<SubmittedFile?>? Images { get; set; }

    public SubmittedFile? Cover { get; set; }

    public List<SubmittedFile?>? Attachments { get; set; }

    public List<string?>? Channels { get; set; }

    public Dictionary<string, SubmittedOverride?>? Overrides { get; set; }

    public SubmittedApproval? Approval { get; set; }

    /// <summary>索引号 the item brings (e.g. from the office system); null: allocated at acceptance.</summary>
    public string? IndexNumber { get; set; }

    /// <summary>The disclosure catalogue's metadata (主题分类, 体裁分类, 有效性, 公开方式, 公开范围, 主题词).</summary>
    public SubmittedDisclosure? Disclosure { get; set; }
}

public sealed class SubmittedDisclosure
{
    public string? Topic { get; set; }

    public string? Genre { get; set; }

    public string? Validity { get; set; }

    public string? Mode { get; set; }

    public string? Scope { get; set; }

    public List<string?>? Keywords { get; set; }
}

public sealed class SubmittedBody
{
    public string? Format { get; set; }

    public string? Content { get; set; }
}

public sealed class SubmittedFile
{
    public string? Name { get; set; }

    public string? MediaType { get; set; }

    public string? ContentBase64 { get; set; }
}

public sealed class SubmittedOverride
{
    public string? Title { get; set; }

    public string? Summary { get; set; }
}

public sealed class SubmittedApproval
{
    public string? ProvidedBy { get; set; }

    public List<string?>? ReviewedBy { get; set; }

    public string? ConfidentialityReviewedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
}
