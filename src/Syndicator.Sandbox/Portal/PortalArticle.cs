namespace Syndicator.Sandbox.Portal;

/// <summary>An article the portal holds: the fields as received, its column, our reference and its attachments.</summary>
internal sealed class PortalArticle
{
    public int Id { get; set; }

    public int ColumnId { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The caller's reference (<c>sourceid</c>), when it sent one.</summary>
    public string? SourceId { get; set; }

    /// <summary>Every other field of the <c>article</c> element as received, in the order first received.</summary>
    public List<KeyValuePair<string, string>> Fields { get; set; } = [];

    public List<PortalAttachment> Attachments { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Deleted { get; set; }

    public string? Field(string name) => Fields.FirstOrDefault(f => f.Key == name).Value;

    public PortalArticle Clone() => new()
    {
        Id = Id,
        ColumnId = ColumnId,
        Title = Title,
        Body = Body,
        SourceId = SourceId,
        Fields = [.. Fields],
        Attachments = [.. Attachments],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        Deleted = Deleted,
    };
}

/// <summary>One attachment (附件) as received and decoded: stored under <see cref="Name"/>, shown as its title when one came.</summary>
internal sealed record PortalAttachment(string Name, string MediaType, byte[] Content, string? Title = null)
{
    /// <summary>What the page shows: the title the sender gave, else the stored name.</summary>
    public string Shown => Title ?? Name;
}
