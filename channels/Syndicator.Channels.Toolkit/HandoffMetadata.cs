using System.Globalization;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Toolkit;

/// <summary>The metadata table of a package, in the order disclosure portals show it (reference gov-publishing §4.2).</summary>
public static class HandoffMetadata
{
    /// <summary>The rows of <paramref name="item"/> as <paramref name="channel"/> shows it; empty fields left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(ItemRevision item, string channel)
    {
        ArgumentNullException.ThrowIfNull(item);
        var d = item.Disclosure;
        var rows = new (string Name, string? Value)[]
        {
            ("索引号", item.IndexNumber),
            ("主题分类", d.Topic),
            ("发布机构", item.Publisher),
            ("成文日期", item.WrittenOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("标题", item.TitleFor(channel)),
            ("文号", item.DocumentNumber),
            ("体裁分类", d.Genre),
            ("有效性", d.Validity),
            ("公开方式", d.Mode),
            ("公开范围", d.Scope),
            ("主题词", d.Keywords.Count == 0 ? null : string.Join(' ', d.Keywords)),
            ("摘要", item.SummaryFor(channel)),
            ("信息类别", item.Category),
            ("提供人", item.Approval?.ProvidedBy),
            ("审核人", item.Approval is { ReviewedBy.Count: > 0 } a ? string.Join('、', a.ReviewedBy) : null),
            ("保密审查", item.Approval?.ConfidentialityReviewedBy),
        };
        return [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)).Select(r => KeyValuePair.Create(r.Name, r.Value!))];
    }
}
