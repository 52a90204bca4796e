using System.Globalization;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Items;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>What one notice says, bounded before it is laid out.</summary>
/// <param name="Organisation">The name in every page's header.</param>
/// <param name="Title">The title, at most the configured characters (a longer one ends in "…").</param>
/// <param name="Metadata">索引号, 发布机构, 成文日期, 文号, then the disclosure catalogue's fields; empty ones left out.</param>
/// <param name="Body">The body's blocks, bounded.</param>
/// <param name="PostedOn">张贴日期: the day the notice is made, in China Standard Time.</param>
/// <param name="DisplayUntil">张贴至: the last day on the board; null when no display period is configured.</param>
internal sealed record NoticeContent(
    string Organisation, string Title, IReadOnlyList<KeyValuePair<string, string>> Metadata, NoticeBody Body,
    DateOnly PostedOn, DateOnly? DisplayUntil)
{
    /// <summary>China Standard Time, which has no daylight saving: the board's calendar.</summary>
    internal static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The rows of the metadata table, in this order (reference gov-publishing §4.2 names the fields).</summary>
    internal static readonly string[] Rows = ["索引号", "发布机构", "成文日期", "文号", "主题分类", "体裁分类", "有效性", "公开方式", "公开范围", "主题词"];

    public static NoticeContent Of(ItemRevision item, string channel, NoticeBoardChannelOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        var fields = HandoffMetadata.Of(item, channel).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var title = item.TitleFor(channel).Trim();
        if (title.Length > options.MaxTitleCharacters)
        {
            var keep = options.MaxTitleCharacters - (char.IsHighSurrogate(title[options.MaxTitleCharacters - 2]) ? 2 : 1);
            title = string.Concat(title.AsSpan(0, keep), "…");
        }

        var postedOn = DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);
        return new NoticeContent(
            string.IsNullOrWhiteSpace(options.Organisation) ? item.Publisher : options.Organisation.Trim(),
            title,
            [.. Rows.Where(fields.ContainsKey).Select(r => KeyValuePair.Create(r, fields[r]))],
            NoticeBody.Read(item.BodyHtml, options.MaxBodyCharacters),
            postedOn,
            options.DisplayDays > 0 ? postedOn.AddDays(options.DisplayDays) : null);
    }

    /// <summary>A date as the board writes it: 2026年12月4日.</summary>
    public static string Chinese(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
