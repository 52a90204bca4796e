namespace Syndicator.Sandbox.Approval;

/// <summary>One WCM document as the emulator holds it: the fields of its last save and metadata save, as received.</summary>
internal sealed class ApprovalDocument
{
    public int Id { get; init; }

    public int ChannelId { get; set; }

    /// <summary>DOCSTATUS: 1 新稿 on save unless the caller sends another, 10 已发 once published.</summary>
    public int Status { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>Every parameter of the last <c>wcm6_document/save</c> but ObjectId, DOCTITLE and DOCHTMLCON, as received.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every parameter of the last <c>savemetaviewdata</c> but ObjectId, as received.</summary>
    public Dictionary<string, string> MetaView { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ApprovalAppendix> Appendixes { get; set; } = [];

    /// <summary>Created through <c>savemetaviewdata</c> (T4): its view data is saved through the view only.</summary>
    public bool ViaMetaView { get; set; }

    /// <summary>Picture sources of the body that name no upload (T3).</summary>
    public List<string> UnresolvedImages { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The first publish; the page address keeps its date.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public bool Deleted { get; set; }

    public bool HasPage => Status == 10 && !Deleted;

    public string PagePath => ApprovalSite.PagePath(ChannelId, PublishedAt ?? CreatedAt, Id);

    public ApprovalDocument Clone() => new()
    {
        Id = Id,
        ChannelId = ChannelId,
        Status = Status,
        Title = Title,
        Body = Body,
        Fields = new(Fields, StringComparer.OrdinalIgnoreCase),
        MetaView = new(MetaView, StringComparer.OrdinalIgnoreCase),
        Appendixes = [.. Appendixes],
        ViaMetaView = ViaMetaView,
        UnresolvedImages = [.. UnresolvedImages],
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        PublishedAt = PublishedAt,
        Deleted = Deleted,
    };
}

/// <summary>An attachment of a document: the uploaded file (<c>APPFILE</c>) and its description.</summary>
internal sealed record ApprovalAppendix(string File, string Description, int Flag);

/// <summary>An uploaded file.</summary>
internal sealed record ApprovalFile(string ShowName, byte[] Content);
