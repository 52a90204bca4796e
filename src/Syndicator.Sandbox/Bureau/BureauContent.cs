using System.Text.Json.Serialization;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// One SSCMS content record; the property order and names are those a real SSCMS 7.4.0 answers
/// (reference/sscms-observed.md). Only the store mutates it, under its lock; answers are made from clones.
/// </summary>
internal sealed class BureauContent
{
    public int Id { get; set; }

    [JsonPropertyName("guid")]
    public string ContentGuid { get; set; } = string.Empty;

    public int SiteId { get; set; }

    public int ChannelId { get; set; }

    public bool Checked { get; set; }

    public int CheckedLevel { get; set; }

    public string? Title { get; set; }

    public string? SubTitle { get; set; }

    public string? Body { get; set; }

    public string? Summary { get; set; }

    public string? Author { get; set; }

    public string? Source { get; set; }

    public string? ImageUrl { get; set; }

    public string? VideoUrl { get; set; }

    public string? FileUrl { get; set; }

    public IReadOnlyList<string> TagNames { get; set; } = [];

    public IReadOnlyList<string> GroupNames { get; set; } = [];

    public int SourceId { get; set; }

    public int ReferenceId { get; set; }

    public int TemplateId { get; set; }

    public int Taxis { get; set; }

    public int Hits { get; set; }

    public int Downloads { get; set; }

    public bool Top { get; set; }

    public bool Recommend { get; set; }

    public bool Hot { get; set; }

    public string? Color { get; set; }

    public string LinkType { get; set; } = "None";

    public string? LinkUrl { get; set; }

    public string? AddDate { get; set; }

    public int AdminId { get; set; }

    public string CreatedDate { get; set; } = string.Empty;

    public string LastModifiedDate { get; set; } = string.Empty;

    /// <summary>The instant of creation, for the control API (SSCMS itself only shows local times).</summary>
    [JsonIgnore]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonIgnore]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Deleted contents sit in the recycle bin with their channel id negated.</summary>
    [JsonIgnore]
    public bool IsDeleted => ChannelId < 0;

    /// <summary>Only an approved content in the bin-free tree has a public page.</summary>
    [JsonIgnore]
    public bool HasPage => Checked && !IsDeleted;

    // Lists are replaced, never mutated, so a shallow copy is a full snapshot.
    public BureauContent Clone() => (BureauContent)MemberwiseClone();
}
