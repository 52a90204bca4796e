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
public sealed class PublisherOptions
{
    /// <summary>发布机构, the default for items that name none. Default: 桐乡市水利局.</summary>
    public string Name { get; set; } = "桐乡市水利局";

    /// <summary>Organisation code used in 索引号. Default: empty (no index number is formed).</summary>
    public string OrganisationCode { get; set; } = "";
}
