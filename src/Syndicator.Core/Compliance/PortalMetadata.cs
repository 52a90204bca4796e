using Syndicator.Core.Catalogue;
using Syndicator.Core.Items;

namespace Syndicator.Core.Compliance;

/// <summary>
/// The catalogue metadata a disclosure portal shows above every article (gov-publishing §4.2; docs/channels/jcms.md):
/// 主题分类 always, and 成文日期 for a document (an item with a 文号), whose date is its signing date [HAMI]. 索引号
/// and 发布机构 are formed at intake, 名称 is the title.
/// </summary>
internal static class PortalMetadata
{
    public static IEnumerable<ComplianceFinding> Check(ItemRevision item, ComplianceOptions options, ChannelCatalogue catalogue)
    {
        var mode = ComplianceOptions.Mode(options.DisclosureMetadata);
        if (mode == ComplianceMode.Off)
        {
            yield break;
        }

        foreach (var channel in item.Channels.Where(c => IsPortal(c, options, catalogue)))
        {
            var name = catalogue.Find(channel)?.DisplayName is { Length: > 0 } n ? $"'{channel}' ({n})" : $"'{channel}'";
            if (item.Disclosure.Topic is null)
            {
                yield return new ComplianceFinding("disclosure.topic", "disclosure.topic", null, null,
                    $"Channel {name} requires 主题分类 (rule disclosure.topic): send disclosure.topic, or configure "
                    + $"Catalogue:Categories … Topic for category '{item.Category}'.",
                    mode);
            }

            if (item.WrittenOn is null && item.DocumentNumber is not null)
            {
                yield return new ComplianceFinding("writtenOn", "disclosure.written-on", null, null,
                    $"Channel {name} requires 成文日期 for a document (文号 {item.DocumentNumber}) (rule disclosure.written-on): send "
                    + "writtenOn as yyyy-MM-dd, the date it was signed.",
                    mode);
            }
        }
    }

    private static bool IsPortal(string channel, ComplianceOptions options, ChannelCatalogue catalogue) =>
        options.DisclosureChannels.Count > 0
            ? options.DisclosureChannels.Contains(channel, StringComparer.Ordinal)
            : catalogue.Find(channel)?.Connector == "jcms";
}
