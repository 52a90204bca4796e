using System.ComponentModel.DataAnnotations;
namespace Syndicator.Core.Catalogue;

/// <summary>The disclosure catalogue (<c>Catalogue</c>): the categories an item may name.</summary>
public sealed class CatalogueOptions
{
    /// <summary>The seed report's seven categories, the default when configuration names none.</summary>
    public static readonly IReadOnlyList<string> SeedCategories =
        ["机构概况", "政策文件", "报告统计", "工作信息", "社会管理", "财政信息", "人事信息"];

    /// <summary>The categories. Default (when empty): <see cref="SeedCategories"/>.</summary>
    public List<CategoryOptions> Categories { get; set; } = [];
}

/// <summary>One category of the catalogue.</summary>
public sealed class CategoryOptions
{
    /// <summary>The category's name, as items name it. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>Per channel: the column or catalogue id on that platform, when it differs from the channel's default.</summary>
    public Dictionary<string, string> ChannelColumns { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Channels this category's items never go to, even when an item names them. Default: none.</summary>
    public List<string> ExcludedChannels { get; set; } = [];

    /// <summary>主题分类 for items of this category that name none, e.g. <c>综合政务\政务公开</c>. Default: none.</summary>
    public string? Topic { get; set; }
}

/// <summary>Routing of categories to channels (<c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    /// <summary>Channels for a category with no entry in <see cref="Categories"/>. Default (when empty): every enabled channel.</summary>
    public List<string> Default { get; set; } = [];

    /// <summary>Per category: the channels its items go to.</summary>
    public Dictionary<string, List<string>> Categories { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The publishing organisation (<c>Publisher</c>).</summary>
public sealed class PublisherOptions : IValidatableObject
{
    /// <summary>发布机构, the default for items that name none. Default: 桐乡市水利局.</summary>
    public string Name { get; set; } = "桐乡市水利局";

    /// <summary>
    /// The code that leads every 索引号: the 9-character organisation code (Zhejiang practice) or the 18-character
    /// unified social credit code. Default: empty (no index number is formed; items may still bring their own).
    /// </summary>
    public string OrganisationCode { get; set; } = "";

    /// <summary>Digits of the 索引号 serial, 3–8. Default: 5 (<c>…/2026-00042</c>).</summary>
    [Range(3, 8)]
    public int IndexSerialWidth { get; set; } = 5;

    /// <summary>Whether the serial starts again at 1 each year. Default: true.</summary>
    public bool IndexSerialResetsEachYear { get; set; } = true;

    /// <summary>The scheme these settings describe; null without an organisation code.</summary>
    public Items.IndexNumberScheme? IndexScheme() => string.IsNullOrWhiteSpace(OrganisationCode)
        ? null
        : new Items.IndexNumberScheme(OrganisationCode.Trim(), IndexSerialWidth, IndexSerialResetsEachYear);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OrganisationCode) && !Items.IndexNumberScheme.IsValidCode(OrganisationCode.Trim()))
        {
            yield return new ValidationResult(
                $"Publisher:OrganisationCode '{OrganisationCode}' must be a 9-character organisation code or an 18-character unified social credit code (0–9, A–Z).");
        }
    }
}
