using System.ComponentModel.DataAnnotations;

namespace Syndicator.Core.Reports;

/// <summary>The annual figures (<c>Reports</c>; docs/api.md, docs/compliance.md).</summary>
public sealed class ReportsOptions : IValidatableObject
{
    /// <summary>
    /// Whether items withdrawn since count in the year they were published. Default: true — they were published in
    /// that year, and the annual report counts what was published.
    /// </summary>
    public bool CountWithdrawn { get; set; } = true;

    /// <summary>
    /// Per channel id: the name the sentence uses ("通过市政府信息公开网站发布信息…"). Default: the channel's
    /// <c>DisplayName</c>.
    /// </summary>
    public Dictionary<string, string> ChannelNames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per category: the label the sentence uses. Default: the category's name, except 机构概况 → 机构概况类 and 政策文件
    /// → 政策文件类, as the bureau's 2016 report writes them.
    /// </summary>
    public Dictionary<string, string> CategoryLabels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The seed report's labels, used for categories <see cref="CategoryLabels"/> does not name.</summary>
    public static readonly IReadOnlyDictionary<string, string> SeedLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["机构概况"] = "机构概况类",
        ["政策文件"] = "政策文件类",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ChannelNames.Where(n => string.IsNullOrWhiteSpace(n.Value)).Select(n => new ValidationResult($"Reports:ChannelNames:{n.Key} is empty; give the name the report uses or leave the key out."))
            .Concat(CategoryLabels.Where(n => string.IsNullOrWhiteSpace(n.Value)).Select(n => new ValidationResult($"Reports:CategoryLabels:{n.Key} is empty; give the label the report uses or leave the key out.")));
}
