using Microsoft.Extensions.Options;
using Syndicator.Core.Channels;

namespace Syndicator.Core.Catalogue;

/// <summary>
/// The configured channels, categories and routing, resolved once at start-up from validated options.
/// </summary>
public sealed class ChannelCatalogue
{
    private readonly Dictionary<string, ChannelDefinition> _channels;
    private readonly HashSet<string> _categories;
    private readonly Dictionary<string, CategoryOptions> _categoryOptions;
    private readonly RoutingOptions _routing;

    public ChannelCatalogue(
        IEnumerable<ChannelDefinition> channels,
        IOptions<CatalogueOptions> catalogue,
        IOptions<RoutingOptions> routing)
    {
        _channels = channels.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _categories = catalogue.Value.Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        _categoryOptions = catalogue.Value.Categories
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _routing = routing.Value;
    }

    /// <summary>Every configured channel, enabled or not, in id order.</summary>
    public IEnumerable<ChannelDefinition> Channels => _channels.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public IEnumerable<ChannelDefinition> EnabledChannels => Channels.Where(c => c.Enabled);

    public IReadOnlyCollection<string> Categories => _categories;

    public bool HasCategory(string category) => _categories.Contains(category);

    public ChannelDefinition? Find(string channelId) => _channels.GetValueOrDefault(channelId);

    /// <summary>Whether <paramref name="channelId"/> is configured and enabled.</summary>
    public bool IsEnabled(string channelId) => Find(channelId)?.Enabled == true;

    /// <summary>The column id configured for <paramref name="category"/> on <paramref name="channelId"/>; null: the channel's default.</summary>
    public string? ColumnFor(string category, string channelId) =>
        _categoryOptions.TryGetValue(category, out var options) && options.ChannelColumns.TryGetValue(channelId, out var column)
            && !string.IsNullOrWhiteSpace(column)
            ? column
            : null;

    /// <summary>Whether <paramref name="category"/> is configured never to go to <paramref name="channelId"/>.</summary>
    public bool Excludes(string category, string channelId) =>
        _categoryOptions.TryGetValue(category, out var options) && options.ExcludedChannels.Contains(channelId, StringComparer.Ordinal);

    /// <summary>The 主题分类 configured for <paramref name="category"/>, if any.</summary>
    public string? TopicFor(string category) =>
        _categoryOptions.TryGetValue(category, out var options) && !string.IsNullOrWhiteSpace(options.Topic) ? options.Topic : null;

    /// <summary>The enabled channels items of <paramref name="category"/> go to by default.</summary>
    public IReadOnlyList<string> Route(string category)
    {
        var routed = _routing.Categories.TryGetValue(category, out var list) && list.Count > 0
            ? list
            : _routing.Default.Count > 0 ? _routing.Default : EnabledChannels.Select(c => c.Id).ToList();
        return routed.Where(c => IsEnabled(c) && !Excludes(category, c)).Distinct(StringComparer.Ordinal).ToList();
    }
}
