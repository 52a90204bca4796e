using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Reports;

/// <summary>
/// Builds the annual figures from the store's counts, the catalogue (category order) and the channels' names. The
/// year is China's: from 1 January 00:00 to the next, at UTC+8 (Asia/Shanghai has kept UTC+8 without daylight saving
/// since 1991).
/// </summary>
public sealed class AnnualReporter(
    IPublicationStatistics statistics, ChannelCatalogue catalogue, IOptions<CatalogueOptions> categories, IOptions<ReportsOptions> options)
{
    /// <summary>The first year with figures: the disclosure regulations (and their annual reports) started in 2008.</summary>
    public const int FirstYear = 2008;

    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The latest year that may be asked for: the current one in China.</summary>
    public static int LastYear(DateTimeOffset now) => now.ToOffset(ChinaOffset).Year;

    public async Task<AnnualFigures> BuildAsync(int year, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaOffset);
        var counts = await statistics.CountPublishedAsync(from, from.AddYears(1), options.Value.CountWithdrawn, cancellationToken);
        var order = categories.Value.Categories.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();

        // Categories no longer in the catalogue still count, after the catalogue's own.
        order.AddRange(counts.Select(c => c.Category).Where(c => !order.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var channels = catalogue.Channels.Select(c => c.Id).ToList();
        channels.AddRange(counts.Select(c => c.Channel).Where(c => !channels.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

        var figures = channels.Select(channel =>
        {
            var rows = order.Select(category => new CategoryFigure(
                category, counts.Where(c => c.Channel == channel && c.Category == category).Sum(c => c.Count))).ToList();
            var name = DisplayName(channel);
            return new ChannelFigures(channel, name, rows.Sum(r => r.Count), rows, Sentence(SentenceName(channel, name), rows));
        }).ToList();
        return new AnnualFigures(year, "Asia/Shanghai (UTC+8)", options.Value.CountWithdrawn, figures);
    }

    /// <summary>
    /// The sentence as the bureau's report writes it (seed, 2016): "通过市政府信息公开网站发布信息21条，其中：机构概况类1条，
    /// 政策文件类7条，报告统计1条，…。" Categories with no item are left out of the sentence (the table keeps them); a
    /// channel with none says "发布信息0条。".
    /// </summary>
    public string Sentence(string channelName, IReadOnlyList<CategoryFigure> rows)
    {
        var total = rows.Sum(r => r.Count);
        var parts = rows.Where(r => r.Count > 0).Select(r => $"{Label(r.Category)}{r.Count}条").ToList();
        return parts.Count == 0
            ? $"通过{channelName}发布信息{total}条。"
            : $"通过{channelName}发布信息{total}条，其中：{string.Join("，", parts)}。";
    }

    private string Label(string category) =>
        options.Value.CategoryLabels.TryGetValue(category, out var label) && !string.IsNullOrWhiteSpace(label) ? label
        : ReportsOptions.SeedLabels.TryGetValue(category, out var seed) ? seed
        : category;

    private string DisplayName(string channel) => catalogue.Find(channel)?.DisplayName ?? channel;

    /// <summary>
    /// <c>Reports:ChannelNames:&lt;id&gt;</c>, else the channel's own <c>DisplayName</c>, else for a notice board (connector
    /// <c>noticeboard</c>) the name the bureau's reports give it, 信息公开栏, else the id.
    /// </summary>
    private string SentenceName(string channel, string displayName) =>
        options.Value.ChannelNames.TryGetValue(channel, out var name) && !string.IsNullOrWhiteSpace(name) ? name
        : catalogue.Find(channel) is { Connector: NoticeBoardConnector } board && string.IsNullOrWhiteSpace(board.Options.DisplayName) ? NoticeBoardName
        : displayName;

    /// <summary>The connector name of the disclosure board (<c>channels/Syndicator.Channels.NoticeBoard</c>).</summary>
    private const string NoticeBoardConnector = "noticeboard";

    /// <summary>What the bureau's annual reports call the board (seed, 2016: "信息公开栏").</summary>
    public const string NoticeBoardName = "信息公开栏";
}
